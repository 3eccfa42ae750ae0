package app.carnival.roundup;

import app.carnival.matching.MatchedBy;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post the host may want to accept into the round-up (see {@link NearMisses}).
 *
 * @param evidence {@code LINK} or {@code TAG}: the one kind of evidence the post has
 * @param reason   the matcher's explanation of why it did not match
 */
public record NearMiss(long postId, long participantId, String participant, String title, String url,
                       OffsetDateTime publishedAt, List<MatchedBy> evidence, String summary, String reason) {
}
