package app.carnival.matching;

import java.time.Instant;
import java.util.List;

/**
 * Everything the matcher needs to know about one assignment.
 *
 * @param hashtag effective hashtag (assignment override, else the series'), without '#'
 */
public record AssignmentCriteria(
        long assignmentId,
        String invitationUrl,
        List<String> aliasUrls,
        String hashtag,
        Instant opensAt,
        Instant closesAt,
        int graceMinutes,
        MatchRule rule) {

    public AssignmentCriteria {
        aliasUrls = List.copyOf(aliasUrls);
    }

    /** End of the window in which late entries are still accepted. */
    public Instant graceEndsAt() {
        return closesAt.plusSeconds(60L * graceMinutes);
    }
}
