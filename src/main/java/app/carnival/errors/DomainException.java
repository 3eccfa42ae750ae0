package app.carnival.errors;

/**
 * A request the domain refuses, with a message fit for the person who made it. The web edge turns
 * each kind into its HTTP status; nothing below the edge knows about HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Unauthenticated, Forbidden, Conflict, RateLimited, InvalidInput, MalformedRequest {

    protected DomainException(String message) {
        super(message);
    }
}
