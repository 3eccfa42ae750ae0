package app.carnival.errors;

/** The action needs a token and none was presented. */
public final class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(message);
    }
}
