package app.carnival.mail.store;

/** Where a mail of the outbox stands. */
public enum MailState {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    QUEUED,
    /** Claimed by an instance that is talking to the SMTP server; another may take it once the lease ends. */
    SENDING,
    /** The SMTP server took it. */
    SENT,
    /** Given up after the configured attempts. */
    FAILED,
    /** Not sent: its recipient unsubscribed (or left the series) first. */
    CANCELLED
}
