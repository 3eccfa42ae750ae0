package app.carnival.errors;

/** The request clashes with something that already exists. */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
