package app.carnival.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, as every API error is reported; {@code detail} and {@code errors} only when there are some. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(requiredProperties = {"type", "title", "status"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid request field. */
    @Schema(requiredProperties = {"field", "message"})
    public record FieldError(String field, String message) {}
}
