package app.carnival.security;

/**
 * Limits guessing: told before a caller's token is compared with a stored hash, and when it was
 * refused. The web edge counts refusals per client address and, past the limit, refuses the checks
 * themselves, right token or not.
 */
public interface TokenGuard {

    /** No limit (a token checked outside a request). */
    TokenGuard NONE = new TokenGuard() {
        @Override
        public void beforeCheck() {}

        @Override
        public void refused() {}
    };

    /** Throws (a rate-limit refusal) when the caller may not have a token checked now. */
    void beforeCheck();

    /** The token given does not allow what was asked: one more wrong token. */
    void refused();
}
