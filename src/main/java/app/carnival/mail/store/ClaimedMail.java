package app.carnival.mail.store;

/**
 * A mail claimed for sending: the recipient's address as stored right now, and the unsubscribe token
 * of this mail (its hash is stored; the token itself lives only in this record and in the mail).
 */
public record ClaimedMail(
        long id, MailKind kind, String to, String subject, String body, String unsubscribeToken, int attempts) {}
