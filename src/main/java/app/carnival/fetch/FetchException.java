package app.carnival.fetch;

/** A fetch that produced no HTTP response; the message is shown to people as is. */
public class FetchException extends Exception {

    /** Why no response came: whether trying again later may help decides what a caller does. */
    public enum Kind {
        /** The SSRF guard refused the address, or the URL cannot be fetched at all. */
        REFUSED,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        TIMEOUT,
        /** Host not found, connection refused or reset: may well work later. */
        NETWORK;

        public boolean mayPassLater() {
            return this == TIMEOUT || this == NETWORK;
        }
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
