package app.carnival.intake;

/** What became of a Webmention request, as counted in {@code carnival_webmentions_received_total{outcome}}. */
enum WebmentionOutcome {
    /** Passed the synchronous checks: queued for verification. */
    QUEUED("queued"),
    /** The client or the source host sent more than its limit allows. */
    RATE_LIMITED("rate-limited"),
    /** A bad source or target, or a target that is no assignment. */
    REFUSED("refused");

    private final String label;

    WebmentionOutcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
