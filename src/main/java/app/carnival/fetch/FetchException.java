package app.carnival.fetch;

/** A fetch that produced no HTTP response; the message is shown to people as is. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
