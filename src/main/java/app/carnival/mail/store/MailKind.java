package app.carnival.mail.store;

/** What a mail is about; each kind has its own dedupe key, so each is recorded once. */
public enum MailKind {
    /** A deadline is near and the participant has not answered: {@code reminder:{participant}:{assignment}}. */
    REMINDER,
    /** The round-up is published with the participant's post: {@code in:{participant}:{assignment}}. */
    YOU_ARE_IN,
    /** Feeds failing for a day, to the series' host: {@code digest:{series}:{hash of the episodes}}. */
    HOST_DIGEST;

    public boolean toHost() {
        return this == HOST_DIGEST;
    }
}
