package app.carnival.websub.rules;

import java.time.Duration;
import java.time.Instant;

/** When a verified subscription is renewed: at 85% of its lease, leaving the rest for retries before it lapses. */
public final class Leases {

    private Leases() {}

    public static Instant renewAt(Instant verifiedAt, long leaseSeconds) {
        return verifiedAt.plus(Duration.ofMillis(leaseSeconds * 850));
    }
}
