package app.carnival.pages;

import app.carnival.errors.DomainException;
import app.carnival.errors.RateLimited;
import app.carnival.web.ProblemStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Errors on the pages are pages too (the API answers problem+json for the same exceptions). */
final class ErrorPage {

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(int status, String detail);
    }

    private ErrorPage() {}

    static Response of(DomainException e) {
        int status = ProblemStatus.of(e);
        Response.ResponseBuilder page = Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, e.getMessage()));
        if (e instanceof RateLimited limited && limited.retryAfter() != null) {
            page.header("Retry-After", Math.max(1, limited.retryAfter().toSeconds()));
        }
        return page.build();
    }
}
