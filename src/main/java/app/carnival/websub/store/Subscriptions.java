package app.carnival.websub.store;

import app.carnival.security.Tokens;
import app.carnival.websub.rules.Hub;
import app.carnival.websub.rules.Leases;
import app.carnival.websub.rules.SubscriptionState;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The WebSub subscriptions in PostgreSQL, one per feed at most. The worker claims due ones with a
 * lease and SKIP LOCKED and records what the hub answered under its claim; the hub's verification
 * and pushes, received by any instance, read and change them in single statements.
 */
@ApplicationScoped
public class Subscriptions {

    /** A feed now announcing another hub or topic lets its subscription go: the worker unsubscribes it. */
    private static final String DETACH = """
            UPDATE websub_subscription SET feed_id = NULL, attempts = 0, updated_at = ?
            WHERE feed_id = ? AND (hub_url <> ? OR topic_url <> ?)
            """;

    private static final String ADD = """
            INSERT INTO websub_subscription (feed_id, hub_url, topic_url, callback_token, secret, state,
                                             next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'SUBSCRIBE', ?, ?, ?)
            ON CONFLICT (feed_id) DO NOTHING
            """;

    /** Due ones, and orphans at once (unless already waiting for the hub to verify their unsubscription). */
    private static final String CLAIM_DUE = """
            UPDATE websub_subscription s SET leased_until = ?, claim_id = gen_random_uuid()
            WHERE s.id IN (
                SELECT d.id FROM websub_subscription d
                WHERE (d.next_attempt_at <= ? OR (d.feed_id IS NULL AND d.state <> 'UNSUBSCRIBING'))
                  AND (d.leased_until IS NULL OR d.leased_until < ?)
                ORDER BY d.next_attempt_at, d.id
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            RETURNING s.id, s.claim_id, s.feed_id, s.hub_url, s.topic_url, s.callback_token, s.secret, s.state, s.attempts
            """;

    /** A renewal keeps an active subscription active: its lease still runs. */
    private static final String REQUESTED = """
            UPDATE websub_subscription
            SET state = CASE WHEN state = 'ACTIVE' AND ? <> 'UNSUBSCRIBING' THEN 'ACTIVE' ELSE ? END,
                attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                leased_until = NULL, claim_id = NULL, updated_at = ?
            WHERE id = ? AND claim_id = ?
            """;

    private static final String FORGET = "DELETE FROM websub_subscription WHERE id = ? AND claim_id = ?";

    /**
     * The hub verified a subscription we want: active, with the lease it grants. It ends any claim, so a
     * worker that sent the request and records after this records nothing.
     */
    private static final String VERIFIED = """
            UPDATE websub_subscription
            SET state = 'ACTIVE', lease_seconds = ?, lease_expires_at = ?, verified_at = ?, next_attempt_at = ?,
                attempts = 0, last_error = NULL, leased_until = NULL, claim_id = NULL, updated_at = ?
            WHERE callback_token = ? AND topic_url = ? AND feed_id IS NOT NULL
              AND state IN ('SUBSCRIBE', 'SUBSCRIBING', 'ACTIVE')
            """;

    /**
     * Any subscription whose feed is gone or moved is one we want gone (the worker unsubscribes exactly those), also
     * before the worker has recorded its request as sent: a hub may verify before the worker has read its answer.
     */
    private static final String UNSUBSCRIBED =
            "DELETE FROM websub_subscription WHERE callback_token = ? AND topic_url = ? AND feed_id IS NULL";

    /** The hub will not push: the feed goes back to its usual schedule at once, retried after the back-off. */
    private static final String DENIED = """
            WITH s AS (
                UPDATE websub_subscription
                SET state = 'FAILED', lease_expires_at = NULL, last_error = ?, next_attempt_at = ?,
                    leased_until = NULL, claim_id = NULL, updated_at = ?
                WHERE callback_token = ? AND topic_url = ? AND state <> 'UNSUBSCRIBING'
                RETURNING feed_id),
            f AS (UPDATE feed_schedule SET next_poll_at = LEAST(next_poll_at, ?) WHERE feed_id IN (SELECT feed_id FROM s))
            SELECT count(*) FROM s
            """;

    private static final String PUSH_TARGET = """
            SELECT id, feed_id, secret FROM websub_subscription
            WHERE callback_token = ? AND state = 'ACTIVE' AND feed_id IS NOT NULL
            """;

    private final AgroalDataSource dataSource;

    public Subscriptions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the hub a feed announces, in the caller's transaction (the poll's record step): a new
     * subscription to request, unless the feed has one with this hub and topic already. One it had
     * with another hub or topic is let go (unsubscribed by the worker).
     */
    public void discoveredInTransaction(long feedId, Hub hub, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Timestamp t = Timestamp.from(now);
            try (PreparedStatement ps = c.prepareStatement(DETACH)) {
                ps.setTimestamp(1, t);
                ps.setLong(2, feedId);
                ps.setString(3, hub.hubUrl());
                ps.setString(4, hub.topicUrl());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(ADD)) {
                ps.setLong(1, feedId);
                ps.setString(2, hub.hubUrl());
                ps.setString(3, hub.topicUrl());
                ps.setString(4, Tokens.newToken());
                ps.setString(5, Tokens.newToken());
                ps.setTimestamp(6, t);
                ps.setTimestamp(7, t);
                ps.setTimestamp(8, t);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the WebSub hub of feed " + feedId, e);
        }
    }

    /** Claims up to {@code limit} subscriptions the worker must act on, in one short autocommit statement. */
    public List<ClaimedSubscription> claimDue(Instant now, Duration lease, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            List<ClaimedSubscription> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedSubscription(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, Long.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            SubscriptionState.valueOf(rs.getString(8)),
                            rs.getInt(9)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim WebSub subscriptions", e);
        }
    }

    /**
     * Records a request sent (or refused) under the claim it was made with; nothing when the claim has
     * ended meanwhile (the hub verified the request before this was recorded, or the lease ran out).
     *
     * @param state   the state it is in now that the request went out (an active one stays active until unsubscribed)
     * @param retryAt when to send it again if the hub does not verify it (or after a failure)
     * @param error   why the hub refused it or could not be reached, null when it took it
     */
    public void requested(ClaimedSubscription s, SubscriptionState state, Instant retryAt, String error, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(REQUESTED)) {
            ps.setString(1, state.name());
            ps.setString(2, state.name());
            ps.setTimestamp(3, Timestamp.from(retryAt));
            ps.setString(4, error);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, s.id());
            ps.setObject(7, s.claim());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a WebSub request", e);
        }
    }

    /** Deletes a subscription under the claim it was judged with. */
    public void forget(ClaimedSubscription s) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FORGET)) {
            ps.setLong(1, s.id());
            ps.setObject(2, s.claim());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete WebSub subscription " + s.id(), e);
        }
    }

    /** The hub's verification of a subscription: whether it is one we want (then it is active from now). */
    public boolean verifySubscribe(String token, String topic, long leaseSeconds, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(VERIFIED)) {
            Timestamp t = Timestamp.from(now);
            ps.setLong(1, leaseSeconds);
            ps.setTimestamp(2, Timestamp.from(now.plusSeconds(leaseSeconds)));
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, Timestamp.from(Leases.renewAt(now, leaseSeconds)));
            ps.setTimestamp(5, t);
            ps.setString(6, token);
            ps.setString(7, topic);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a WebSub verification", e);
        }
    }

    /** The hub's verification of an unsubscription: whether we asked for it (then the subscription is gone). */
    public boolean verifyUnsubscribe(String token, String topic) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UNSUBSCRIBED)) {
            ps.setString(1, token);
            ps.setString(2, topic);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a WebSub unsubscription", e);
        }
    }

    /** The hub denied the subscription: failed, its feed polled as usual from now on. Whether it was ours. */
    public boolean denied(String token, String topic, String reason, Instant retryAt, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(DENIED)) {
            ps.setString(1, "the hub denied the subscription" + (reason == null ? "" : ": " + reason));
            ps.setTimestamp(2, Timestamp.from(retryAt));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, token);
            ps.setString(5, topic);
            ps.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a WebSub denial", e);
        }
    }

    /** The active subscription a push to this callback is for; empty for any other callback. */
    public Optional<PushTarget> pushTarget(String token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(PUSH_TARGET)) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new PushTarget(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read WebSub subscriptions", e);
        }
    }
}
