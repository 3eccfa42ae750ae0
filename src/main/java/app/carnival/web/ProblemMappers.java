package app.carnival.web;

import app.carnival.errors.DomainException;
import app.carnival.errors.InvalidInput;
import app.carnival.errors.RateLimited;
import app.carnival.errors.Unauthenticated;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error into {@code application/problem+json}; nothing reaches the client as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        int status = ProblemStatus.of(e);
        List<Problem.FieldError> errors = e instanceof InvalidInput invalid
                ? invalid.errors().stream()
                        .map(f -> new Problem.FieldError(f.field(), f.message()))
                        .toList()
                : List.of();
        Response.ResponseBuilder builder = build(status, e.getMessage(), errors);
        if (e instanceof RateLimited limited && limited.retryAfter() != null) {
            builder.header("Retry-After", Math.max(1, limited.retryAfter().toSeconds()));
        }
        if (e instanceof Unauthenticated) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return build(400, "Invalid request: " + detail, errors).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return build(400, "Malformed JSON: " + e.getOriginalMessage(), List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String field = path.isEmpty() ? "body" : path;
        String message = "has the wrong type or format";
        return build(400, "Invalid request: " + field + " " + message, List.of(new Problem.FieldError(field, message)))
                .build();
    }

    // Quarkus ships mappers for these two; ours must be at least as specific to win.
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unmappableJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unmappableJson(e);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return build(400, "Malformed JSON: " + e.getOriginalMessage(), List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return build(status, "The server could not handle this request.", List.of())
                    .build();
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException json) {
            return malformedJson(json);
        }
        if (cause instanceof JsonMappingException json) {
            return unmappableJson(json);
        }
        return build(
                        status,
                        e.getMessage() == null
                                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                                : e.getMessage(),
                        List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isUniqueViolation(e)) {
            // A concurrent request won the race for the same unique key: the client asked for a duplicate.
            return build(409, "This conflicts with something that already exists.", List.of())
                    .build();
        }
        LOG.error("Unexpected error", e);
        return build(500, "Something went wrong on our side; the request was not completed.", List.of())
                .build();
    }

    private static Response.ResponseBuilder build(int status, String detail, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error " + status;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Paths look like "create.request.title": the method and parameter prefix mean nothing to a client.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
