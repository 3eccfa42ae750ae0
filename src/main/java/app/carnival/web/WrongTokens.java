package app.carnival.web;

import app.carnival.limits.ClientKey;
import app.carnival.limits.Limit;
import app.carnival.limits.RateLimits;
import app.carnival.security.TokenGuard;
import java.time.Duration;
import java.util.Optional;

/**
 * One request's {@link TokenGuard}: its client's wrong tokens are counted in {@link RateLimits}, and
 * past the limit every token check of the request is refused. The limit is read once, at the first
 * check, so requests without a token never touch it.
 */
final class WrongTokens implements TokenGuard {

    private final RateLimits limits;
    private final String address;
    private Optional<Duration> wait;
    private boolean refused;

    WrongTokens(RateLimits limits, String address) {
        this.limits = limits;
        this.address = address;
    }

    @Override
    public void beforeCheck() {
        if (wait == null) {
            wait = limits.waitFor(Limit.WRONG_TOKENS, ClientKey.of(address));
        }
        if (wait.isPresent()) {
            throw RateLimits.refusal(Limit.WRONG_TOKENS, wait.get());
        }
    }

    /**
     * Noted only: {@link #countRefusal} counts it once the request's work is done. Counting here would take a
     * second connection while the request's transaction holds one (a small pool could then run dry, every
     * request holding one and waiting for another), and that transaction rolls back with the refusal anyway.
     */
    @Override
    public void refused() {
        refused = true;
    }

    /** Counts the request's refusal, once; called when no transaction of the request is open any more. */
    void countRefusal() {
        if (refused) {
            refused = false;
            limits.count(Limit.WRONG_TOKENS, ClientKey.of(address));
        }
    }
}
