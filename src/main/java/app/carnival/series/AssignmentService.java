package app.carnival.series;

import app.carnival.errors.Conflict;
import app.carnival.errors.InvalidInput;
import app.carnival.matching.MatchRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Creates and edits assignments in the caller's transaction. Matching the stored posts against the
 * changed assignment is the caller's next step (it may fetch post pages, so it runs after commit).
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final InstantSource clock;

    public AssignmentService(AssignmentRepository assignments, InstantSource clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    public Assignment create(Series series, AssignmentRequest request) {
        Assignment a = new Assignment();
        a.series = series;
        int number = request.number() != null ? request.number() : assignments.nextNumber(series);
        apply(a, request, number);
        a.persist();
        return a;
    }

    public void replace(Assignment a, AssignmentRequest request) {
        apply(a, request, request.number() != null ? request.number() : a.number);
    }

    private void apply(Assignment a, AssignmentRequest r, int number) {
        if (!r.closesAt().isAfter(r.opensAt())) {
            throw new InvalidInput("closesAt", "must be after opensAt");
        }
        String zone = r.timezone() == null || r.timezone().isBlank()
                ? "UTC"
                : r.timezone().trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInput(
                    "timezone", "unknown time zone '" + zone + "' (use an IANA name such as Europe/Paris)");
        }
        if (number != a.number && assignments.find(a.series, number).isPresent()) {
            throw new Conflict("Series '" + a.series.slug + "' already has assignment number " + number + ".");
        }
        String title = blankToNull(r.title());
        String invitation = blankToNull(r.invitationUrl());
        if (!r.opensAt().toInstant().isAfter(clock.instant())) {
            // Planned editions may wait for their topic; an open one is answered, so it needs both.
            if (title == null) {
                throw new InvalidInput("title", "is required once the assignment has opened");
            }
            if (invitation == null) {
                throw new InvalidInput("invitationUrl", "is required once the assignment has opened");
            }
        }
        a.number = number;
        a.title = title;
        a.invitationUrl = invitation;
        a.aliasUrls.clear();
        a.aliasUrls.addAll(Objects.requireNonNullElse(r.aliasUrls(), List.<String>of()).stream()
                .map(String::trim)
                .toList());
        a.questions.clear();
        a.questions.addAll(Objects.requireNonNullElse(r.questions(), List.<String>of()).stream()
                .map(String::trim)
                .toList());
        a.opensAt = r.opensAt().toInstant();
        a.closesAt = r.closesAt().toInstant();
        a.timezone = zone;
        a.graceMinutes = Objects.requireNonNullElse(r.graceMinutes(), 0);
        a.matchRule = Objects.requireNonNullElse(r.matchRule(), MatchRule.LINK_OR_TAG);
        a.hashtag = hashtagOverride(r.hashtag());
        a.roundupIntro = r.roundupIntro() == null ? "" : r.roundupIntro();
        AssignmentRequest.GuestHost guest = r.guestHost();
        a.guestHostName = guest == null ? null : guest.name().trim();
        a.guestHostUrl = guest == null ? null : blankToNull(guest.blogUrl());
        if (guest == null) {
            a.guestTokenHash = null; // no guest host, no guest token
        }
    }

    /** The hashtag override as stored: without its '#', null when blank (the series' own applies). */
    public static String hashtagOverride(String requested) {
        return requested == null || requested.isBlank()
                ? null
                : requested.startsWith("#") ? requested.substring(1) : requested;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The assignment as a request that would recreate it (the base a merge patch applies to). */
    public static AssignmentRequest current(Assignment a) {
        ZoneId zone = ZoneId.of(a.timezone);
        return new AssignmentRequest(
                a.number,
                a.title,
                a.invitationUrl,
                List.copyOf(a.aliasUrls),
                List.copyOf(a.questions),
                a.opensAt.atZone(zone).toOffsetDateTime(),
                a.closesAt.atZone(zone).toOffsetDateTime(),
                a.timezone,
                a.graceMinutes,
                a.matchRule,
                a.hashtag,
                a.roundupIntro,
                a.guestHostName == null ? null : new AssignmentRequest.GuestHost(a.guestHostName, a.guestHostUrl));
    }
}
