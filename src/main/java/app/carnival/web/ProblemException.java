package app.carnival.web;

import java.time.Duration;
import java.util.List;

/** An error the API reports to the caller as a problem document with this status and detail. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(int status, String detail) {
        this(status, detail, List.of(), null);
    }

    public ProblemException(int status, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
