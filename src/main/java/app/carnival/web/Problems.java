package app.carnival.web;

import java.time.Duration;
import java.util.List;

/** Factory methods for the API's errors, so status codes are chosen in one place. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(422, field + ": " + message, List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, detail, List.of(), retryAfter);
    }
}
