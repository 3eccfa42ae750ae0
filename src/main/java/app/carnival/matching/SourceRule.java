package app.carnival.matching;

import java.time.Instant;

/**
 * The rule for a source page named by an intake (a Webmention, a pingback, a comment): it must link
 * to the invitation in its main content, whatever the match rule (that link is what the intake
 * claims); the hashtag too when the rule requires one; and the window applies as for feed posts.
 */
public final class SourceRule {

    private SourceRule() {}

    /**
     * @param page the source as the matcher sees it: its main-content links and text, its tags, the
     *             publication date it gives (null when it gives none it can trust)
     * @param dateStandIn used in place of an unknown date, so that the evidence is still judged
     *             (the caller keeps such a candidate for the host: "publication date unknown")
     */
    public static MatchDecision decide(AssignmentCriteria a, PostFacts page, Instant dateStandIn) {
        PostFacts dated = page.published() != null
                ? page
                : new PostFacts(
                        page.url(), page.title(), page.text(), page.links(), page.categories(), dateStandIn, false);
        MatchDecision d = Matcher.decide(a, dated, null);
        if (!d.byLink()) {
            return new MatchDecision(
                    a.assignmentId(),
                    false,
                    false,
                    d.byTag(),
                    false,
                    false,
                    "no link to the invitation in the article (its comments and sidebars do not count)");
        }
        return d;
    }

    /** The evidence part of an explanation, for a source that matched. */
    public static String evidence(AssignmentCriteria a, MatchDecision d) {
        return d.byTag() && a.rule().usesTag()
                ? "links to the invitation in the article and tags #" + a.hashtag()
                : "links to the invitation in the article";
    }

    /** The window part of an explanation, for a source that matched with a known date. */
    public static String window(MatchDecision d) {
        return d.late() ? "published late, inside the grace period" : "published inside the window";
    }
}
