package app.carnival.mail;

import app.carnival.config.CarnivalConfig;
import app.carnival.mail.rules.MailTexts;
import app.carnival.mail.store.ClaimedMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands one mail to the SMTP server (Quarkus Mailer), with its one-click unsubscribe link in the
 * text and in the {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers (RFC 8058).
 * Never inside a database transaction: with {@code carnival.mail.refuse-inside-transaction} on
 * (tests), trying is an error.
 */
@ApplicationScoped
public class MailSender {

    private final Mailer mailer;
    private final String from;
    private final String publicUrl;
    private final boolean refuseInsideTransaction;

    public MailSender(Mailer mailer, CarnivalConfig config) {
        this.mailer = mailer;
        this.from = config.mail().from();
        this.publicUrl = config.publicUrl();
        this.refuseInsideTransaction = config.mail().refuseInsideTransaction();
    }

    /** The address of a mail's unsubscribe page. */
    public String unsubscribeUrl(String token) {
        return publicUrl + "/unsubscribe/" + token;
    }

    /** Sends the mail; throws when the SMTP server cannot be reached or refuses it. */
    public void send(ClaimedMail m) {
        if (refuseInsideTransaction && QuarkusTransaction.isActive()) {
            throw new IllegalStateException("SMTP inside a database transaction: " + m.subject());
        }
        String unsubscribe = unsubscribeUrl(m.unsubscribeToken());
        Mail mail = Mail.withText(
                        m.to(), m.subject(), MailTexts.footer(m.body(), m.kind().toHost(), unsubscribe))
                .setFrom(from)
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
        mailer.send(mail);
    }
}
