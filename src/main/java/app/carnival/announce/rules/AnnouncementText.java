package app.carnival.announce.rules;

/** The words a host reads about one response's Webmention. */
public final class AnnouncementText {

    private AnnouncementText() {}

    /**
     * @param onHold    the response is hidden, waiting for approval or gone: a queued Webmention waits
     * @param retryAt   when a queued one is tried again, already formatted for the reader, or null
     */
    public static String summary(
            AnnouncementState state, int attempts, Integer status, String detail, boolean onHold, String retryAt) {
        return switch (state) {
            case SENT -> "Webmention sent (HTTP " + status + ")";
            case NO_ENDPOINT -> "no Webmention endpoint";
            case FAILED -> "failed: " + detail + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
            case QUEUED ->
                onHold
                        ? "on hold: not sent while the response is not in the round-up"
                        : attempts == 0 || retryAt == null
                                ? "waiting to be sent"
                                : "waiting (retry at " + retryAt + "; last: " + detail + ")";
        };
    }
}
