package app.carnival.web;

import app.carnival.errors.Conflict;
import app.carnival.errors.DomainException;
import app.carnival.errors.Forbidden;
import app.carnival.errors.InvalidInput;
import app.carnival.errors.MalformedRequest;
import app.carnival.errors.NotFound;
import app.carnival.errors.RateLimited;
import app.carnival.errors.Unauthenticated;

/** The HTTP status of each kind of refusal, chosen in this one place for the API and the pages. */
public final class ProblemStatus {

    private ProblemStatus() {}

    public static int of(DomainException e) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
        if (e instanceof NotFound) {
            return 404;
        }
        if (e instanceof Unauthenticated) {
            return 401;
        }
        if (e instanceof Forbidden) {
            return 403;
        }
        if (e instanceof Conflict) {
            return 409;
        }
        if (e instanceof RateLimited) {
            return 429;
        }
        if (e instanceof InvalidInput) {
            return 422;
        }
        if (e instanceof MalformedRequest) {
            return 400;
        }
        throw new IllegalArgumentException("unmapped refusal " + e.getClass());
    }
}
