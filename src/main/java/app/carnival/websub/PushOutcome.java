package app.carnival.websub;

/** What became of a push to a callback, as counted in {@code carnival_websub_pushes_total{outcome}}. */
public enum PushOutcome {
    /** Signed by the hub and recorded as a fetched feed. */
    ACCEPTED("accepted"),
    /** No signature, a wrong one or an unaccepted method: acknowledged and ignored (W3C WebSub §8). */
    BAD_SIGNATURE("bad_signature"),
    /** No active subscription has this callback. */
    UNKNOWN_TOPIC("unknown_topic"),
    /** Larger than a fetched feed may be. */
    TOO_LARGE("too_large"),
    /** Correctly signed, but no feed: nothing is recorded. */
    UNPARSEABLE("unparseable"),
    /** A poll of the feed held it for too long, or recording failed: the hub is asked to send it again later. */
    RETRY_LATER("retry_later");

    private final String label;

    PushOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
