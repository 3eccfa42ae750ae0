package app.carnival.intake;

import app.carnival.feed.parse.ParsedEntry;
import app.carnival.matching.MatchDecision;

/** What the verification of one source concluded, before anything is recorded. */
sealed interface SourceVerdict {

    /** Who wrote the post: a participant of the series, or a blog found from the post's page. */
    sealed interface Owner {}

    record Known(long participantId) implements Owner {}

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

    /** The source is no response (gone, no link-back, outside the window, refused address ...): nothing is kept. */
    record Rejected(String detail) implements SourceVerdict {}

    /** The source could not be checked now (timeout, 5xx, connection): tried again later, nothing removed. */
    record Unreachable(String detail) implements SourceVerdict {}
}
