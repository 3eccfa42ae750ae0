package app.carnival.matching;

/**
 * The outcome of matching one post against one assignment, with its explanation.
 *
 * @param byLink    the post (its feed content, or its page when supplied) links to the invitation;
 *                  reported as found even when the rule ignores links
 * @param byTag     the post carries the hashtag in its title, text or categories; reported as found
 *                  even when the rule ignores tags
 * @param late      matched, and published after {@code closesAt} but within the grace period
 * @param wantsPage the feed showed only a summary and fetching the post's page for links could
 *                  turn this non-match into a match; decide again with the page's links
 * @param reason    a short sentence for hosts and participants saying why it did or did not match
 */
public record MatchDecision(
        long assignmentId,
        boolean matched,
        boolean byLink,
        boolean byTag,
        boolean late,
        boolean wantsPage,
        String reason) {}
