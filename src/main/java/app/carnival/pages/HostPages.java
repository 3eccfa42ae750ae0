package app.carnival.pages;

import app.carnival.feed.poll.PollNow;
import app.carnival.feed.poll.PollOutcome;
import app.carnival.participant.Participant;
import app.carnival.hosting.AddResponseRequest;
import app.carnival.hosting.Curation;
import app.carnival.response.Response.State;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.Roundups;
import app.carnival.security.Tokens;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
import app.carnival.url.HttpUrl;
import app.carnival.web.ProblemException;
import app.carnival.web.Problems;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The host's pages: log in with the host token once (then a cookie, see {@link HostSession}), watch
 * feed health and poll now, curate each round-up. Every POST but the login carries the CSRF token.
 * Actions go through the same services as the API.
 */
@Path("/series/{slug}/host")
@Produces(MediaType.TEXT_HTML)
public class HostPages {

    /** Confirmations after a redirect, chosen by key so no text travels through the URL. */
    private static final Map<String, String> DONE = Map.of(
            "login", "You are logged in as the host of this series.",
            "hidden", "The response is hidden from the round-up.",
            "restored", "The response is back in the round-up.",
            "added", "The post was added to the round-up.",
            "accepted", "The near-miss was accepted into the round-up.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String slug, String seriesTitle, String error);

        static native TemplateInstance dashboard(Views.HostDashboard page);

        static native TemplateInstance curation(Views.CurationPage page);
    }

    private final PollNow pollNow;
    private final Curation curation;
    private final Roundups roundups;
    private final RoundupExports exports;
    private final InstantSource clock;

    public HostPages(PollNow pollNow, Curation curation, Roundups roundups, RoundupExports exports, InstantSource clock) {
        this.pollNow = pollNow;
        this.curation = curation;
        this.roundups = roundups;
        this.exports = exports;
        this.clock = clock;
    }

    @GET
    public Response dashboard(@PathParam("slug") String slug, @CookieParam(HostSession.COOKIE) String cookie,
                              @QueryParam("done") String done) {
        Series series = Series.require(slug);
        String token = HostSession.verifiedToken(series, cookie);
        if (token == null) {
            return Response.ok(Templates.login(series.slug, series.title, null)).build();
        }
        return Response.ok(Templates.dashboard(dashboardView(series, token, confirmation(done), null))).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@PathParam("slug") String slug, @RestForm String token, @Context UriInfo uri) {
        Series series = Series.require(slug);
        String presented = token == null ? "" : token.trim();
        if (!Tokens.matches(presented, series.hostTokenHash)) {
            String error = presented.isEmpty() ? "Enter the host token you were given when the series was created."
                    : "That is not the host token of this series.";
            return Response.status(presented.isEmpty() ? 401 : 403).entity(Templates.login(series.slug, series.title, error)).build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=login"))
                .cookie(HostSession.login(slug, presented, secure(uri))).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@PathParam("slug") String slug, @CookieParam(HostSession.COOKIE) String cookie,
                           @RestForm String csrf, @Context UriInfo uri) {
        requireHost(Series.require(slug), cookie, csrf);
        return Response.seeOther(URI.create("/series/" + slug)).cookie(HostSession.logout(slug, secure(uri))).build();
    }

    @POST
    @Path("/poll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response poll(@PathParam("slug") String slug, @CookieParam(HostSession.COOKIE) String cookie,
                         @RestForm String csrf, @RestForm String participantId) {
        Series series = Series.require(slug);
        String token = requireHost(series, cookie, csrf);
        String message = null;
        String error = null;
        int status = 200;
        try {
            PollNow.PollReport report = pollNow.participant(participantId, "Bearer " + token);
            PollOutcome outcome = report.outcomes().get(0);
            if (outcome.error() != null) {
                error = "Polled " + outcome.feedUrl() + ": " + outcome.error();
            } else {
                message = "Polled " + outcome.feedUrl() + ": " + outcome.result() + ", " + report.newResponses() + " new response(s).";
            }
        } catch (ProblemException e) {
            error = e.getMessage();
            status = e.status();
        }
        return Response.status(status).entity(Templates.dashboard(dashboardView(series, token, message, error))).build();
    }

    @GET
    @Path("/{number}")
    public Response curationPage(@PathParam("slug") String slug, @PathParam("number") String number,
                                 @CookieParam(HostSession.COOKIE) String cookie, @QueryParam("done") String done) {
        Series series = Series.require(slug);
        String token = HostSession.verifiedToken(series, cookie);
        if (token == null) {
            return Response.seeOther(URI.create("/series/" + slug + "/host")).build();
        }
        return Response.ok(Templates.curation(curationView(Assignment.require(series, number), token, confirmation(done), null))).build();
    }

    @POST
    @Path("/{number}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeState(@PathParam("slug") String slug, @PathParam("number") String number,
                                @CookieParam(HostSession.COOKIE) String cookie, @RestForm String csrf,
                                @RestForm String responseId, @RestForm String state) {
        State target = "HIDDEN".equals(state) ? State.HIDDEN : State.AUTO;
        return act(slug, number, cookie, csrf, a -> curation.setState(a.id, responseId, target),
                target == State.HIDDEN ? "hidden" : "restored");
    }

    @POST
    @Path("/{number}/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("slug") String slug, @PathParam("number") String number,
                        @CookieParam(HostSession.COOKIE) String cookie, @RestForm String csrf,
                        @RestForm String url, @RestForm String participantId) {
        return act(slug, number, cookie, csrf, a -> {
            if (url == null || !HttpUrl.Validator.isHttpUrl(url)) {
                throw Problems.invalidField("url", "must be the post's address, starting with http:// or https://");
            }
            curation.add(a.id, new AddResponseRequest(url.trim(), null, parseId("participantId", participantId)));
        }, "added");
    }

    @POST
    @Path("/{number}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("slug") String slug, @PathParam("number") String number,
                           @CookieParam(HostSession.COOKIE) String cookie, @RestForm String csrf, @RestForm String postId) {
        return act(slug, number, cookie, csrf, a -> curation.add(a.id, new AddResponseRequest(null, parseId("postId", postId), null)),
                "accepted");
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ErrorPage.of(e);
    }

    /**
     * Runs a curation action for the logged-in host (403 otherwise): on success back to the page
     * (POST-redirect-GET), on a refusal the page again with the reason.
     */
    private Response act(String slug, String number, String cookie, String csrf, Consumer<Assignment> action, String done) {
        Series series = Series.require(slug);
        String token = requireHost(series, cookie, csrf);
        Assignment a = Assignment.require(series, number);
        try {
            action.accept(a);
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.curation(curationView(a, token, null, e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host/" + a.number + "?done=" + done)).build();
    }

    private Views.HostDashboard dashboardView(Series series, String token, String message, String error) {
        Instant now = clock.instant();
        return new Views.HostDashboard(series.slug, series.title, HostSession.csrfToken(token),
                Participant.ofSeries(series).stream().map(p -> Views.FeedRow.of(p, now)).toList(),
                Assignment.ofSeries(series).stream().map(a -> Views.AssignmentCard.of(a, now)).toList(), message, error);
    }

    private Views.CurationPage curationView(Assignment a, String token, String message, String error) {
        return new Views.CurationPage(a.series.slug, a.series.title, a.number, a.title, HostSession.csrfToken(token),
                roundups.forHost(a).stream().map(Views.EntryCard::of).toList(),
                curation.nearMisses(a).stream().map(Views.NearMissCard::of).toList(),
                Participant.ofSeries(a.series).stream().map(Views.ParticipantCard::of).toList(),
                exports.markdown(a), exports.htmlSnippet(a), message, error);
    }

    /** 403 unless the cookie holds this series' host token and the form carries the matching CSRF token. */
    private static String requireHost(Series series, String cookie, String csrf) {
        String token = HostSession.verifiedToken(series, cookie);
        if (token == null) {
            throw Problems.forbidden("You are not logged in as the host of this series: log in with the host token first.");
        }
        if (!HostSession.csrfMatches(token, csrf)) {
            throw Problems.forbidden("This form did not come from this site, or it is out of date: reload the page and try again.");
        }
        return token;
    }

    private static String confirmation(String done) {
        return done == null ? null : DONE.get(done); // Map.of refuses null keys
    }

    private static Long parseId(String field, String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidField(field, "'" + id + "' is not an id");
        }
    }

    private static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getBaseUri().getScheme());
    }
}
