package app.carnival.series;

import app.carnival.matching.MatchRule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assignment as the API shows it, times in the assignment's own time zone.
 *
 * @param status {@code upcoming}, {@code open}, {@code grace} (closed, late entries still accepted) or {@code closed}
 */
@Schema(
        requiredProperties = {
            "series",
            "number",
            "title",
            "invitationUrl",
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
        String title,
        String invitationUrl,
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
                status);
    }
}
