package app.carnival.mail;

import app.carnival.mail.store.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * One-click unsubscribing (RFC 8058): the token of any mail turns its recipient's mails off. A
 * participant's reminders go off and its address is forgotten; a host's digest address is removed
 * from the series. The token is looked up by its hash; a used or unknown token changes nothing.
 */
@ApplicationScoped
public class Unsubscribes {

    /** What a token leads to. */
    public sealed interface Outcome {
        /** A valid token, not used yet ({@code what}: the mails it stops). */
        record Ready(String what) implements Outcome {}

        /** The mails are stopped now. */
        record Done(String what) implements Outcome {}

        /** The token was used before, or its recipient has unsubscribed already. */
        record AlreadyDone() implements Outcome {}

        /** No mail carried this token. */
        record Unknown() implements Outcome {}
    }

    private final Outbox outbox;
    private final EntityManager em;
    private final InstantSource clock;

    public Unsubscribes(Outbox outbox, EntityManager em, InstantSource clock) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** What the token would do, changing nothing (the page a link scanner may open). */
    public Outcome check(String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> find(token)
                        .map(o -> o.used() || address(o).isEmpty()
                                ? (Outcome) new Outcome.AlreadyDone()
                                : new Outcome.Ready(what(o)))
                        .orElse(new Outcome.Unknown()));
    }

    /** Unsubscribes the recipient of the token's mail. */
    public Outcome unsubscribe(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Outbox.TokenOwner> found = find(token);
            if (found.isEmpty()) {
                return new Outcome.Unknown();
            }
            Outbox.TokenOwner o = found.get();
            if (o.used() || address(o).isEmpty()) {
                return new Outcome.AlreadyDone();
            }
            if (o.participantId() == null) {
                em.createNativeQuery("UPDATE series SET host_email = NULL WHERE id = ?1")
                        .setParameter(1, o.seriesId())
                        .executeUpdate();
                outbox.cancelQueuedDigests(o.seriesId());
            } else {
                em.createNativeQuery("UPDATE participant SET email = NULL WHERE id = ?1")
                        .setParameter(1, o.participantId())
                        .executeUpdate();
                outbox.cancelQueuedFor(o.participantId());
            }
            outbox.markUnsubscribed(o.outboxId(), clock.instant());
            return new Outcome.Done(what(o));
        });
    }

    private Optional<Outbox.TokenOwner> find(String token) {
        return token == null || !token.matches("[A-Za-z0-9_-]{20,100}") ? Optional.empty() : outbox.byToken(token);
    }

    private Optional<String> address(Outbox.TokenOwner o) {
        List<?> found = o.participantId() == null
                ? em.createNativeQuery("SELECT host_email FROM series WHERE id = ?1")
                        .setParameter(1, o.seriesId())
                        .getResultList()
                : em.createNativeQuery("SELECT email FROM participant WHERE id = ?1")
                        .setParameter(1, o.participantId())
                        .getResultList();
        return found.stream().filter(v -> v != null).map(String.class::cast).findFirst();
    }

    private String what(Outbox.TokenOwner o) {
        String title = (String) em.createNativeQuery("SELECT title FROM series WHERE id = ?1")
                .setParameter(1, o.seriesId())
                .getSingleResult();
        return o.kind().toHost()
                ? "the digest of failing feeds of " + title
                : "deadline reminders and round-up mails of " + title;
    }
}
