package app.carnival.roundup;

import app.carnival.matching.MatchedBy;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post the host may want to accept into the round-up (see {@link NearMisses}).
 *
 * @param url      null when the feed gave the post no link
 * @param evidence {@code LINK} or {@code TAG}: the one kind of evidence the post has
 * @param reason   the matcher's explanation of why it did not match
 */
@Schema(
        requiredProperties = {
            "postId",
            "participantId",
            "participant",
            "title",
            "url",
            "publishedAt",
            "evidence",
            "summary",
            "reason"
        })
public record NearMiss(
        long postId,
        long participantId,
        String participant,
        String title,
        @Schema(nullable = true) String url,
        OffsetDateTime publishedAt,
        List<MatchedBy> evidence,
        String summary,
        String reason) {}
