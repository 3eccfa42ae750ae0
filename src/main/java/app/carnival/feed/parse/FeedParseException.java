package app.carnival.feed.parse;

/** A feed body that cannot be read as a feed; the message is shown to people as is. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
