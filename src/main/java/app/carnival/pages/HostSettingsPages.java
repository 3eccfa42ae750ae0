package app.carnival.pages;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.DomainException;
import app.carnival.errors.InvalidInput;
import app.carnival.hosting.SeriesAdmin;
import app.carnival.security.Caller;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.web.CurrentCaller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The host's settings of a series: edit it, replace the host token, delete it. Every POST carries
 * the host's CSRF token; edits and the deletion redirect (post-redirect-get), the new token is shown
 * once instead.
 */
@Path("/series/{slug}/host/settings")
@Produces(MediaType.TEXT_HTML)
public class HostSettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Views.SettingsPage page);

        static native TemplateInstance rotated(Views.TokenShown page);
    }

    private final SeriesRepository seriesRepository;
    private final SeriesAdmin admin;
    private final CurrentCaller current;

    private final boolean mail;

    public HostSettingsPages(
            SeriesRepository seriesRepository, SeriesAdmin admin, CurrentCaller current, CarnivalConfig config) {
        this.seriesRepository = seriesRepository;
        this.admin = admin;
        this.current = current;
        this.mail = config.mail().smtpHost().isPresent();
    }

    @GET
    public Response settings(@PathParam("slug") String slug, @QueryParam("done") String done) {
        Series series = seriesRepository.require(slug);
        Caller host = current.get();
        if (!HostSession.isHost(series, host)) {
            host.refused();
            return Response.seeOther(URI.create("/series/" + slug + "/host")).build();
        }
        String message = "saved".equals(done) ? "Saved: the series has its new settings." : null;
        return show(200, series, host, SeriesForm.of(series), "", message);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @PathParam("slug") String slug,
            @RestForm String csrf,
            @RestForm String title,
            @RestForm String hashtag,
            @RestForm String description,
            @RestForm String homeUrl,
            @RestForm String intakePolicy,
            @RestForm String registrationPolicy,
            @RestForm String autoPublish,
            @RestForm String reminderDays,
            @RestForm String hostEmail) {
        Series series = seriesRepository.require(slug);
        Caller host = HostSession.requireHost(series, current.get(), csrf);
        // Without mail the form has no mail fields: what is stored stays (so does a policy a form did not send).
        SeriesForm form = SeriesForm.typed(
                title,
                series.slug,
                hashtag,
                description,
                homeUrl,
                intakePolicy,
                registrationPolicy == null ? series.registrationPolicy.name() : registrationPolicy,
                "on".equals(autoPublish),
                reminderDays == null ? String.valueOf(series.reminderDays) : reminderDays,
                hostEmail == null ? series.hostEmail : hostEmail);
        try {
            admin.update(slug, host, form.request());
        } catch (InvalidInput e) {
            return show(422, series, host, form.withErrors(e.errors()), "", null);
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host/settings?done=saved"))
                .build();
    }

    /** Shows the new token once; this browser's cookie gets it, every other session ends. */
    @POST
    @Path("/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("slug") String slug, @RestForm String csrf, @Context UriInfo uri) {
        Series series = seriesRepository.require(slug);
        Caller host = HostSession.requireHost(series, current.get(), csrf);
        String token = admin.rotateHostToken(slug, host).hostToken();
        return Response.ok(Templates.rotated(new Views.TokenShown(series.slug, series.title, token)))
                .cookie(HostSession.login(slug, token, HostSession.secure(uri)))
                .build();
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(
            @PathParam("slug") String slug, @RestForm String csrf, @RestForm String confirm, @Context UriInfo uri) {
        Series series = seriesRepository.require(slug);
        Caller host = HostSession.requireHost(series, current.get(), csrf);
        String typed = confirm == null ? "" : confirm;
        if (!typed.trim().equals(series.slug)) {
            String error = typed.isBlank()
                    ? "is empty: type " + series.slug + " to delete the series"
                    : "does not match: type " + series.slug + " exactly to delete the series";
            return show(422, series, host, SeriesForm.of(series).withError("confirm", error), typed, null);
        }
        admin.delete(slug, host);
        return Response.seeOther(URI.create("/?done=deleted"))
                .cookie(HostSession.logout(slug, HostSession.secure(uri)))
                .build();
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    private Response show(int status, Series series, Caller host, SeriesForm form, String confirm, String message) {
        return Response.status(status)
                .entity(Templates.settings(new Views.SettingsPage(
                        series.slug, series.title, HostSession.csrfToken(host), form, confirm, message, mail)))
                .build();
    }
}
