package app.carnival.url;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An absolute http(s) URL with a valid host, at most 2048 characters, as {@link WebUrl} reads it
 * (internationalized host names are welcome) and written without characters that would need
 * escaping: no spaces, controls, quotes or angle brackets. Null is valid (use @NotBlank to require).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
public @interface HttpUrl {

    String message() default "must be an absolute http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the format only; whether the address may be fetched is the fetcher's SSRF guard's call. */
    class Validator implements ConstraintValidator<HttpUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isHttpUrl(value);
        }

        public static boolean isHttpUrl(String value) {
            String v = value.strip(); // not trim(): that would pass a trailing NUL or other control through
            return !v.isEmpty()
                    && v.length() <= 2048
                    && v.chars().noneMatch(c -> PercentEncoding.isUnsafe((char) c))
                    && WebUrl.tryParse(v).isPresent();
        }
    }
}
