package app.carnival.announce.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt: a success or a lasting failure ends it; a failure that may pass is tried
 * again after a delay that doubles per attempt (capped), until {@code maxAttempts} attempts in all.
 */
public final class Retries {

    /** The settings the decision needs. */
    public record Policy(int maxAttempts, Duration base, Duration cap) {}

    /** The state after the attempt; {@code retryAt} only for QUEUED. */
    public record Next(AnnouncementState state, Instant retryAt) {}

    private Retries() {}

    /** @param attempts attempts made so far, this one included (1 after the first) */
    public static Next after(Delivery delivery, int attempts, Policy policy, Instant now) {
        if (delivery instanceof Delivery.Sent) {
            return new Next(AnnouncementState.SENT, null);
        }
        if (delivery instanceof Delivery.NoEndpoint) {
            return new Next(AnnouncementState.NO_ENDPOINT, null);
        }
        Delivery.Failed f = (Delivery.Failed) delivery;
        return f.mayPassLater() && attempts < policy.maxAttempts()
                ? new Next(AnnouncementState.QUEUED, now.plus(delay(attempts, policy)))
                : new Next(AnnouncementState.FAILED, null);
    }

    /** base × 2^(attempts − 1), at most the cap. */
    static Duration delay(int attempts, Policy policy) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = policy.base().multipliedBy(1L << doublings);
        return d.compareTo(policy.cap()) > 0 ? policy.cap() : d;
    }
}
