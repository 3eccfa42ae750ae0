package app.carnival.errors;

/** A token was presented, but it does not allow this action. */
public final class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message);
    }
}
