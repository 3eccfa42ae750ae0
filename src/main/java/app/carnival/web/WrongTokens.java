package app.carnival.web;

import app.carnival.limits.ClientKey;
import app.carnival.limits.Limit;
import app.carnival.limits.RateLimits;
import app.carnival.security.TokenGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    private boolean counted;

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

    /** Counted once per request, and committed on its own: the request's own transaction rolls back with the refusal. */
    @Override
    public void refused() {
        if (!counted) {
            counted = true;
            QuarkusTransaction.requiringNew().run(() -> limits.count(Limit.WRONG_TOKENS, ClientKey.of(address)));
        }
    }
}
