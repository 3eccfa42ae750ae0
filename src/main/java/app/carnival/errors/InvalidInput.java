package app.carnival.errors;

import java.util.List;

/** Well-formed input the domain cannot accept, naming the field at fault. */
public final class InvalidInput extends DomainException {

    /** One field and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
