package app.carnival.pages;

import app.carnival.errors.Conflict;
import app.carnival.errors.DomainException;
import app.carnival.errors.Forbidden;
import app.carnival.errors.InvalidInput;
import app.carnival.errors.Unauthenticated;
import app.carnival.limits.Limit;
import app.carnival.series.SeriesService;
import app.carnival.series.SeriesView;
import app.carnival.web.CurrentCaller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code /series/new}: starting a carnival, as {@code carnival.series-creation} allows (anyone, the
 * holder of the operator token, or nobody). The form is not signed in, so a double-submit
 * {@link FormGuard} protects it; the answer shows the host token once and signs the host in.
 */
@Path("/series/new")
@Produces(MediaType.TEXT_HTML)
public class StartPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(Views.StartPage page);

        static native TemplateInstance created(Views.TokenShown page);
    }

    private final SeriesService series;
    private final CurrentCaller current;

    public StartPages(SeriesService series, CurrentCaller current) {
        this.series = series;
        this.current = current;
    }

    @GET
    public Response form(@CookieParam(FormGuard.COOKIE) String cookie, @Context UriInfo uri) {
        series.refuseIfClosed();
        return show(200, SeriesForm.blank(), cookie, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @CookieParam(FormGuard.COOKIE) String cookie,
            @RestForm(FormGuard.FIELD) String formToken,
            @RestForm String title,
            @RestForm String slug,
            @RestForm String hashtag,
            @RestForm String description,
            @RestForm String homeUrl,
            @RestForm String operatorToken,
            @Context UriInfo uri) {
        current.admit(Limit.SERIES_CREATION);
        FormGuard.check(cookie, formToken);
        SeriesForm form = SeriesForm.typed(title, slug, hashtag, description, homeUrl, "REVIEW", "OPEN", false, "", "");
        boolean tokenAsked = series.asksOperatorToken();
        try {
            SeriesView created =
                    series.create(form.request(), tokenAsked ? current.get().presenting(operatorToken) : current.get());
            return Response.status(201)
                    .entity(Templates.created(
                            new Views.TokenShown(created.slug(), created.title(), created.hostToken())))
                    .cookie(HostSession.login(created.slug(), created.hostToken(), HostSession.secure(uri)))
                    .build();
        } catch (InvalidInput e) {
            return show(422, form.withErrors(e.errors()), cookie, uri);
        } catch (Conflict e) {
            return show(409, form.withError("slug", "is taken by another series: choose another"), cookie, uri);
        } catch (Unauthenticated | Forbidden e) {
            if (!tokenAsked) {
                throw e;
            }
            boolean none = operatorToken == null || operatorToken.isBlank();
            return show(
                    none ? 401 : 403,
                    form.withError(
                            "operatorToken",
                            none ? "is needed: only this Carnival's operator starts series" : "is not this Carnival's"),
                    cookie,
                    uri);
        }
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    private Response show(int status, SeriesForm form, String cookie, UriInfo uri) {
        FormGuard.Issued guard = FormGuard.issue(cookie, HostSession.secure(uri));
        return Response.status(status)
                .entity(Templates.start(new Views.StartPage(form, guard.value(), series.asksOperatorToken())))
                .cookie(guard.cookie())
                .build();
    }
}
