package app.carnival.errors;

import java.time.Duration;

/** Asked again too soon; {@code retryAfter} says when it may be asked again. */
public final class RateLimited extends DomainException {

    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
