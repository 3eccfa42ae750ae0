package app.carnival.roundup;

import app.carnival.config.CarnivalConfig;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A series' calendar (iCalendar, RFC 5545, written with ical4j): for each assignment, the moment
 * its invitation goes out and its deadline. Written afresh on every request from the database, so
 * an edit shows at the next refresh; each event keeps its UID (from the assignment's id) and gets a
 * higher SEQUENCE (the assignment's {@code roundup_version}) when the assignment changes, so calendar
 * apps replace it. That version also moves when the round-up gains a response: a new SEQUENCE with
 * the same content costs an app nothing.
 */
@ApplicationScoped
public class SeriesCalendar {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    /**
     * Events last a quarter of an hour from the moment they mark. A zero-length event (DTEND =
     * DTSTART) is not valid iCalendar, and one without an end is drawn as a hairline or not at all
     * in week views by several apps (and imported as all-day by some); a short event shows as a
     * block at the right time everywhere and gets the reader's default reminder.
     */
    static final Duration LENGTH = Duration.ofMinutes(15);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final InstantSource clock;
    private final String publicUrl;
    private final String uidHost;

    public SeriesCalendar(
            SeriesRepository series, AssignmentRepository assignments, InstantSource clock, CarnivalConfig config) {
        this.series = series;
        this.assignments = assignments;
        this.clock = clock;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        String host = URI.create(publicUrl).getHost();
        this.uidHost = host != null ? host : "carnival";
    }

    /** The series' calendar as iCalendar text, or not found for an unknown series. */
    public String ics(String slug) {
        Series s = series.require(slug);
        Instant now = clock.instant();
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Carnival//Series calendar//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", text(s.title)))
                // How often subscribed apps that honour it (Apple, Outlook) read the calendar again.
                .add(new XProperty("X-PUBLISHED-TTL", "PT6H"));
        for (Assignment a : assignments.ofSeries(s)) {
            calendar.add(event(a, "opens", a.opensAt, now));
            calendar.add(event(a, "deadline", a.closesAt, now));
        }
        return fold(calendar.toString());
    }

    /**
     * Content lines folded at 75 octets (RFC 5545 3.1), between code points. ical4j's own folding
     * (CalendarOutputter) counts chars: a line of accented text goes past 75 octets, and an emoji
     * can be split into two halves that no longer encode.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private VEvent event(Assignment a, String kind, Instant at, Instant now) {
        String page = publicUrl + "/series/" + a.series.slug + "/" + a.number;
        VEvent event = new VEvent(
                at, at.plus(LENGTH), text(a.series.title + " #" + a.number + " " + kind + ": " + a.displayTitle()));
        return event.replace(new DtStamp(now))
                .add(new Uid("assignment-" + a.id + "-" + kind + "@" + uidHost))
                .add(new Sequence((int) Math.min(a.roundupVersion, Integer.MAX_VALUE)))
                .add(new Url(URI.create(page)))
                .add(new Description(text(description(a, kind, page))))
                // A reminder, not a meeting: it does not make the reader look busy.
                .add(ImmutableTransp.TRANSPARENT);
    }

    /**
     * Text as iCalendar can carry it: ical4j escapes backslashes, commas, semicolons and line feeds,
     * but a carriage return would go out raw (a control character TEXT may not hold), so it becomes a line feed.
     */
    private static String text(String s) {
        return s.replaceAll("\\r\\n?", "\n");
    }

    private static String description(Assignment a, String kind, String page) {
        List<String> lines = new ArrayList<>();
        lines.add(a.series.title + " #" + a.number + ": " + a.displayTitle());
        if (a.guestHostName != null) {
            lines.add("Hosted by " + a.guestHostName + (a.guestHostUrl != null ? " (" + a.guestHostUrl + ")" : ""));
        }
        lines.add(a.invitationUrl != null ? "Invitation: " + a.invitationUrl : "The invitation is not published yet.");
        lines.add("Hashtag: #" + a.effectiveHashtag());
        if (kind.equals("deadline")) {
            ZoneId zone = ZoneId.of(a.timezone != null ? a.timezone : "UTC");
            lines.add(
                    a.graceMinutes > 0
                            ? "Grace period: " + a.graceMinutes + " minutes (posts published until "
                                    + LOCAL.format(a.graceEndsAt().atZone(zone)) + " " + zone.getId()
                                    + " still count, marked late)."
                            : "No grace period: posts published after the deadline do not count.");
        }
        lines.add("Details and round-up: " + page);
        return String.join("\n", lines);
    }
}
