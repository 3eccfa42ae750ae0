package app.carnival.response;

import app.carnival.matching.MatchDecision;
import app.carnival.matching.MatchRule;
import app.carnival.matching.MatchedBy;

/**
 * What recording must make true for one post and one assignment: a response with this evidence
 * exists (matched), or no automatic one does.
 *
 * @param byLink link-back evidence the rule counts
 * @param byTag  hashtag evidence the rule counts
 */
public record Verdict(
        long assignmentId,
        long postId,
        long participantId,
        boolean matched,
        boolean byLink,
        boolean byTag,
        boolean late) {

    /** Only evidence the rule counts is kept: a TAG_ONLY match is "by tag" even if the post links back. */
    public static Verdict of(MatchDecision decision, MatchRule rule, long postId, long participantId) {
        var by = MatchedBy.counted(decision, rule);
        return new Verdict(
                decision.assignmentId(),
                postId,
                participantId,
                decision.matched(),
                by.contains(MatchedBy.LINK),
                by.contains(MatchedBy.TAG),
                decision.late());
    }
}
