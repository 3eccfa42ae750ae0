package app.carnival.announce.rules;

/** Where the Webmention announcing one response stands. */
public enum AnnouncementState {
    /** Waiting to be sent: the first attempt, or a retry at {@code next_attempt_at}. */
    QUEUED,
    /** The endpoint accepted it (2xx). */
    SENT,
    /** The post names no Webmention endpoint: nothing to send, nothing retried. */
    NO_ENDPOINT,
    /** Given up: an answer that will not change (4xx, a refused address), or every attempt failed. */
    FAILED
}
