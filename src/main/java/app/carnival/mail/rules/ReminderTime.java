package app.carnival.mail.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a deadline reminder goes out, in the participant's own time zone.
 *
 * <p>Planned moment: 09:00 local time on the day {@code days} days before the deadline's local date
 * (for {@code days = 0}, on the deadline's day; when that is not before the deadline, 12 hours before
 * it). Once that moment has passed (the participant registered later, or the service was down), the
 * reminder goes at the next sensible moment: right away between 08:00 and 21:00 local time, else at
 * the next 09:00 local time, unless that would be after the deadline, then right away. After the
 * deadline, never.
 */
public final class ReminderTime {

    public static final LocalTime MORNING = LocalTime.of(9, 0);
    static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(21, 0);

    private ReminderTime() {}

    /** The planned moment of the reminder of a deadline. */
    public static Instant planned(Instant deadline, ZoneId zone, int days) {
        LocalDate day = deadline.atZone(zone).toLocalDate().minusDays(days);
        Instant at = day.atTime(MORNING).atZone(zone).toInstant();
        return at.isBefore(deadline) ? at : deadline.minus(Duration.ofHours(12));
    }

    /** Whether the reminder of this deadline is to be sent at {@code now}. */
    public static boolean due(Instant now, Instant deadline, ZoneId zone, int days) {
        if (!now.isBefore(deadline) || now.isBefore(planned(deadline, zone, days))) {
            return false;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(DAY_STARTS) && time.isBefore(DAY_ENDS)) {
            return true;
        }
        return !nextMorning(local).isBefore(deadline);
    }

    private static Instant nextMorning(ZonedDateTime local) {
        ZonedDateTime morning = local.toLocalDate().atTime(MORNING).atZone(local.getZone());
        return (morning.isAfter(local) ? morning : morning.plusDays(1)).toInstant();
    }
}
