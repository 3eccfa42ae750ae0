package app.carnival.errors;

import java.util.List;
import java.util.stream.Collectors;

/** Well-formed input the domain cannot accept, naming the field at fault. */
public final class InvalidInput extends DomainException {

    /** One field and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    /** Several fields at fault at once (at least one), in the order given. */
    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
