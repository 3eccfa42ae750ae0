package app.carnival.intake;

import app.carnival.feed.parse.ParsedEntry;
import app.carnival.matching.MatchDecision;

/** What the verification of one source concluded, before anything is recorded. */
sealed interface SourceVerdict {

    /** Who wrote the post: a participant of the series, or a blog found from the post's page. */
    sealed interface Owner {}

    /**
     * @param trusted registered by the blogger, or discovered and since approved by the host (one of
     *                its responses is in a round-up): its responses need no review
     */
    record Known(long participantId, boolean trusted) implements Owner {}

    /**
     * @param feedUrl the blog's feed, found from the post page
     * @param name    the blog's name (its feed's title, else its host)
     */
    record Discovered(String feedUrl, String name, String blogUrl) implements Owner {}

    /**
     * The source answers the assignment.
     *
     * @param post      the post as stored: from its page, dated by the page or else by its feed entry
     * @param dateKnown false when neither the page nor its feed gives a date (the host then decides)
     * @param reason    the explanation kept with the response
     */
    record Verified(ParsedEntry post, MatchDecision decision, Owner owner, boolean dateKnown, String reason)
            implements SourceVerdict {}

    /** Why a source is no response, in the terms Pingback's fault codes use. */
    enum Why {
        /** It cannot be fetched (gone, refused address, too large, not a web page). */
        SOURCE_MISSING,
        /** Its article does not link to the target. */
        NO_LINK,
        /** It links, but is no response (outside the window, a home page, a blog without a feed ...). */
        NOT_A_RESPONSE
    }

    /** The source is no response: nothing is kept. */
    record Rejected(Why why, String detail) implements SourceVerdict {}

    /** The source could not be checked now (timeout, 5xx, connection): tried again later, nothing removed. */
    record Unreachable(String detail) implements SourceVerdict {}
}
