package app.carnival.mail;

import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.mail.rules.Backoff;
import app.carnival.mail.store.ClaimedMail;
import app.carnival.mail.store.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The mail loop: queue what is due ({@link MailPlanner}), then send the outbox batch after batch: claim
 * in one short transaction, talk to the SMTP server outside any, record each outcome in another. A
 * mail the server did not take goes back to the queue with a growing delay; nothing is lost while the
 * server is down, and a mail recorded as sent is never sent again (after a restart neither).
 */
@ApplicationScoped
public class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class);

    private final MailPlanner planner;
    private final Outbox outbox;
    private final MailSender sender;
    private final CarnivalConfig.Mail config;
    private final InstantSource clock;
    private final boolean enabled;
    private Ticker ticker;

    public MailWorker(
            MailPlanner planner, Outbox outbox, MailSender sender, CarnivalConfig config, InstantSource clock) {
        this.planner = planner;
        this.outbox = outbox;
        this.sender = sender;
        this.config = config.mail();
        this.clock = clock;
        this.enabled = this.config.smtpHost().isPresent();
    }

    void start(@Observes StartupEvent started) {
        if (enabled && config.workerEnabled()) {
            ticker = Ticker.surviving("mail-tick", config.tick(), "Mail cycle", this::run);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        Ticker.stop(ticker);
    }

    /** One cycle: queue the due mails, then send every mail due. Returns the mails the SMTP server took. */
    public int run() {
        planner.plan(clock.instant());
        return drain();
    }

    /** Sends every due mail of the outbox; returns how many the SMTP server took. */
    public int drain() {
        if (!enabled) {
            return 0;
        }
        int sent = 0;
        while (true) {
            List<ClaimedMail> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.claim(clock.instant(), config.lease(), config.batchSize()));
            if (claimed.isEmpty()) {
                return sent;
            }
            for (ClaimedMail m : claimed) {
                if (send(m)) {
                    sent++;
                }
            }
        }
    }

    private boolean send(ClaimedMail m) {
        try {
            sender.send(m);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("Mail %d not sent (attempt %d): %s", m.id(), m.attempts(), error);
            QuarkusTransaction.requiringNew().run(() -> {
                if (m.attempts() >= config.maxAttempts()) {
                    outbox.failed(m.id(), error);
                } else {
                    outbox.retry(
                            m.id(),
                            error,
                            clock.instant()
                                    .plus(Backoff.after(m.attempts(), config.backoffBase(), config.backoffCap())));
                }
            });
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.sent(m.id(), clock.instant()));
        return true;
    }
}
