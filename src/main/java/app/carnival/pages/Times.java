package app.carnival.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times as people read them on the pages: in a given zone, and relative to now ("in 3 days, 4 hours"). */
public final class Times {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Times() {}

    /** "Wed 1 May 2024, 18:00 (Europe/Paris)". */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "never" : WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** "1 May 2024", in the zone. */
    public static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    /**
     * For a {@code datetime} attribute: HTML allows at most three digits of a second, and times
     * stored in PostgreSQL or read from pages may have six, so whole seconds.
     */
    public static String machine(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@link #machine(Instant)}, keeping the offset. */
    public static String machine(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "in 2 days, 3 hours" or "2 days, 3 hours ago": the two largest units, rounded down; "now" under a minute. */
    public static String relative(Instant now, Instant then) {
        Duration d = Duration.between(now, then);
        if (d.abs().toMinutes() == 0) {
            return "now";
        }
        String text = span(d);
        return d.isNegative() ? text + " ago" : "in " + text;
    }

    /** "2 days, 3 hours" (the two largest units, rounded down, sign ignored); "less than a minute". */
    public static String span(Duration d) {
        long minutes = d.abs().toMinutes();
        if (minutes == 0) {
            return "less than a minute";
        }
        long[] sizes = {1440, 60, 1};
        String[] names = {"day", "hour", "minute"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sizes.length && parts.size() < 2; i++) {
            long n = minutes / sizes[i];
            minutes %= sizes[i];
            if (n > 0) {
                parts.add(n + " " + names[i] + (n == 1 ? "" : "s"));
            } else if (!parts.isEmpty()) {
                break; // "2 days" rather than "2 days, 0 hours, 5 minutes"
            }
        }
        return String.join(", ", parts);
    }
}
