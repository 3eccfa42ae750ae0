package app.carnival.matching;

import java.time.Instant;

/**
 * Near-misses: posts published in an assignment's window that the rule did not accept although
 * they carry exactly one of the two kinds of evidence (the hashtag without the link-back, or the
 * reverse). The host may know better and accept them by hand.
 */
public final class NearMisses {

    private NearMisses() {}

    /** @param decision the matcher's decision for this post and assignment */
    public static boolean isNearMiss(AssignmentCriteria assignment, PostFacts post, MatchDecision decision) {
        Instant published = post.published();
        return !decision.matched()
                && decision.byLink() != decision.byTag()
                && published != null
                && !published.isBefore(assignment.opensAt())
                && !published.isAfter(assignment.graceEndsAt())
                && !Matcher.isInvitation(assignment, post.url());
    }

    /** What the near-miss has, for people: "links to the invitation" or "tags #x". */
    public static String evidence(AssignmentCriteria assignment, MatchDecision decision) {
        return decision.byLink()
                ? "links to the invitation, no #" + assignment.hashtag() + " tag"
                : "tags #" + assignment.hashtag() + ", no link to the invitation";
    }
}
