package app.carnival.series;

import app.carnival.matching.MatchRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assignment as the API shows it, times in the assignment's own time zone.
 *
 * @param title         null while a planned assignment has no topic yet
 * @param invitationUrl null while a planned assignment has no invitation yet
 * @param guestHost     the blogger hosting this edition, when not the series' host
 * @param status {@code upcoming}, {@code open}, {@code grace} (closed, late entries still accepted) or {@code closed}
 */
@Schema(
        requiredProperties = {
            "series",
            "number",
            "aliasUrls",
            "questions",
            "opensAt",
            "closesAt",
            "timezone",
            "graceMinutes",
            "graceEndsAt",
            "matchRule",
            "hashtag",
            "roundupIntro",
            "status"
        })
public record AssignmentView(
        String series,
        int number,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) String invitationUrl,
        List<String> aliasUrls,
        List<String> questions,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt,
        String timezone,
        int graceMinutes,
        OffsetDateTime graceEndsAt,
        MatchRule matchRule,
        String hashtag,
        String roundupIntro,
        @JsonInclude(JsonInclude.Include.NON_NULL) AssignmentRequest.GuestHost guestHost,
        AssignmentStatus status) {

    public static AssignmentView of(Assignment a, Instant now) {
        ZoneId zone = ZoneId.of(a.timezone);
        Instant graceEnd = a.graceEndsAt();
        AssignmentStatus status = AssignmentStatus.at(now, a.opensAt, a.closesAt, graceEnd);
        return new AssignmentView(
                a.series.slug,
                a.number,
                a.title,
                a.invitationUrl,
                List.copyOf(a.aliasUrls),
                List.copyOf(a.questions),
                a.opensAt.atZone(zone).toOffsetDateTime(),
                a.closesAt.atZone(zone).toOffsetDateTime(),
                a.timezone,
                a.graceMinutes,
                graceEnd.atZone(zone).toOffsetDateTime(),
                a.matchRule,
                a.effectiveHashtag(),
                a.roundupIntro,
                a.guestHostName == null ? null : new AssignmentRequest.GuestHost(a.guestHostName, a.guestHostUrl),
                status);
    }
}
