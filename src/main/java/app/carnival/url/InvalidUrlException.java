package app.carnival.url;

/** A text that is not an absolute http(s) URL with a valid host; the message says why, for people. */
public final class InvalidUrlException extends Exception {

    InvalidUrlException(String message) {
        // thrown for every mailto: link a feed holds: a stack trace would cost more than the parse
        super(message, null, false, false);
    }
}
