package app.carnival.mail.store;

import app.carnival.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The outbox in PostgreSQL: each mail is written once (its dedupe key is unique), claimed with a lease
 * and {@code FOR UPDATE SKIP LOCKED} (several instances share it; a claim whose instance died comes
 * back when its lease ends), then marked sent, put back with a delay, or given up. Every method runs
 * in the caller's transaction.
 */
@ApplicationScoped
public class Outbox {

    /** A mail to queue: for a participant, or (participant null) for the series' host. */
    public record NewMail(
            MailKind kind,
            String dedupeKey,
            long seriesId,
            Long participantId,
            Long assignmentId,
            String subject,
            String body) {}

    private static final String CLAIM = """
            SELECT o.id, o.kind, o.subject, o.body, o.attempts,
                   CASE WHEN o.participant_id IS NULL THEN s.host_email ELSE p.email END
            FROM mail_outbox o
            JOIN series s ON s.id = o.series_id
            LEFT JOIN participant p ON p.id = o.participant_id
            WHERE o.state IN ('QUEUED', 'SENDING') AND o.next_attempt_at <= ?1
              AND (o.state = 'QUEUED' OR o.leased_until < ?1)
            ORDER BY o.next_attempt_at, o.id
            LIMIT ?2
            FOR UPDATE OF o SKIP LOCKED
            """;

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    /** Queues the mail unless one with its dedupe key exists; returns its id when it was queued now. */
    public Optional<Long> enqueue(NewMail m, Instant now) {
        return em.unwrap(Session.class).doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO mail_outbox (kind, dedupe_key, series_id, participant_id, assignment_id, subject,
                                             body, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (dedupe_key) DO NOTHING
                    RETURNING id""")) {
                ps.setString(1, m.kind().name());
                ps.setString(2, m.dedupeKey());
                ps.setLong(3, m.seriesId());
                ps.setObject(4, m.participantId(), Types.BIGINT);
                ps.setObject(5, m.assignmentId(), Types.BIGINT);
                ps.setString(6, m.subject());
                ps.setString(7, m.body());
                ps.setTimestamp(8, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Claims up to {@code limit} due mails: each gets a lease, one more attempt and a new unsubscribe
     * token (only its hash is stored). A mail whose recipient has no address any more is cancelled here.
     */
    public List<ClaimedMail> claim(Instant now, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
        List<ClaimedMail> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String to = (String) r[5];
            if (to == null) {
                setState(id, MailState.CANCELLED, "the recipient unsubscribed");
                continue;
            }
            String token = Tokens.newToken();
            int attempts = ((Number) r[4]).intValue() + 1;
            em.createNativeQuery("""
                            UPDATE mail_outbox SET state = 'SENDING', leased_until = ?1, attempts = ?2,
                                unsubscribe_hash = ?3
                            WHERE id = ?4""")
                    .setParameter(1, Timestamp.from(now.plus(lease)))
                    .setParameter(2, attempts)
                    .setParameter(3, Tokens.hash(token))
                    .setParameter(4, id)
                    .executeUpdate();
            claimed.add(new ClaimedMail(
                    id, MailKind.valueOf((String) r[1]), to, (String) r[2], (String) r[3], token, attempts));
        }
        return claimed;
    }

    /** The SMTP server took the mail. */
    public void sent(long id, Instant now) {
        em.createNativeQuery("""
                        UPDATE mail_outbox SET state = 'SENT', sent_at = ?1, leased_until = NULL, last_error = NULL
                        WHERE id = ?2""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, id)
                .executeUpdate();
    }

    /** Back to the queue until {@code retryAt}. */
    public void retry(long id, String error, Instant retryAt) {
        em.createNativeQuery("""
                        UPDATE mail_outbox SET state = 'QUEUED', leased_until = NULL, last_error = ?1,
                            next_attempt_at = ?2
                        WHERE id = ?3""")
                .setParameter(1, error)
                .setParameter(2, Timestamp.from(retryAt))
                .setParameter(3, id)
                .executeUpdate();
    }

    /** Given up. */
    public void failed(long id, String error) {
        setState(id, MailState.FAILED, error);
    }

    /** Cancels the mails still waiting for a participant (it unsubscribed or left). */
    public int cancelQueuedFor(long participantId) {
        return em.createNativeQuery("""
                        UPDATE mail_outbox SET state = 'CANCELLED', last_error = 'the recipient unsubscribed'
                        WHERE participant_id = ?1 AND state = 'QUEUED'""").setParameter(1, participantId).executeUpdate();
    }

    /** Cancels the host digests still waiting for a series. */
    public int cancelQueuedDigests(long seriesId) {
        return em.createNativeQuery("""
                        UPDATE mail_outbox SET state = 'CANCELLED', last_error = 'the recipient unsubscribed'
                        WHERE series_id = ?1 AND participant_id IS NULL AND state = 'QUEUED'""").setParameter(1, seriesId).executeUpdate();
    }

    /** The mail an unsubscribe token came with, locked for the unsubscribing. */
    public record TokenOwner(long outboxId, MailKind kind, long seriesId, Long participantId, boolean used) {}

    public Optional<TokenOwner> byToken(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT id, kind, series_id, participant_id, unsubscribed_at IS NOT NULL FROM mail_outbox
                        WHERE unsubscribe_hash = ?1 FOR UPDATE""").setParameter(1, Tokens.hash(token)).getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new TokenOwner(
                        ((Number) r[0]).longValue(),
                        MailKind.valueOf((String) r[1]),
                        ((Number) r[2]).longValue(),
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        (Boolean) r[4]));
    }

    /** Records that the token was used. */
    public void markUnsubscribed(long outboxId, Instant now) {
        em.createNativeQuery("UPDATE mail_outbox SET unsubscribed_at = ?1 WHERE id = ?2")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, outboxId)
                .executeUpdate();
    }

    private void setState(long id, MailState state, String error) {
        em.createNativeQuery("UPDATE mail_outbox SET state = ?1, leased_until = NULL, last_error = ?2 WHERE id = ?3")
                .setParameter(1, state.name())
                .setParameter(2, error)
                .setParameter(3, id)
                .executeUpdate();
    }
}
