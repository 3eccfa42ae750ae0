package app.carnival.mail.rules;

import java.time.Duration;

/** Delay before the next attempt at a mail the SMTP server did not take: doubling from a base, up to a cap. */
public final class Backoff {

    private Backoff() {}

    /** The delay after {@code attempts} failed attempts (1 = the first failed). */
    public static Duration after(int attempts, Duration base, Duration cap) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
