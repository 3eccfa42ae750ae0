package app.carnival.pages;

import app.carnival.errors.DomainException;
import app.carnival.errors.InvalidInput;
import app.carnival.feed.poll.PollNow;
import app.carnival.feed.poll.PollOutcome;
import app.carnival.hosting.AddResponseRequest;
import app.carnival.hosting.Curation;
import app.carnival.intake.IntakeReview;
import app.carnival.intake.MentionStatus;
import app.carnival.intake.Targets;
import app.carnival.participant.ParticipantRepository;
import app.carnival.response.Response.State;
import app.carnival.response.ResponseRepository;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.Roundups;
import app.carnival.security.Caller;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.url.HttpUrl;
import app.carnival.web.CurrentCaller;
import app.carnival.web.ProblemStatus;
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
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The host's pages: log in with the host token once (then a cookie, see {@link HostSession}), watch
 * feed health and poll now, curate each round-up and review what the intakes found. Every POST but
 * the login carries the CSRF token. Actions go through the same services as the API.
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
            "accepted", "The near-miss was accepted into the round-up.",
            "approved", "Approved: the response is in the round-up now.",
            "rejected", "Rejected: the response stays out of the round-up, and is not brought back if found again.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String slug, String seriesTitle, String error);

        static native TemplateInstance dashboard(Views.HostDashboard page);

        static native TemplateInstance curation(Views.CurationPage page);
    }

    private final SeriesRepository seriesRepository;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final CurrentCaller current;
    private final PollNow pollNow;
    private final Curation curation;
    private final Roundups roundups;
    private final RoundupExports exports;
    private final IntakeReview intakeReview;
    private final ResponseRepository responses;
    private final Targets targets;
    private final InstantSource clock;

    public HostPages(
            SeriesRepository seriesRepository,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            CurrentCaller current,
            PollNow pollNow,
            Curation curation,
            Roundups roundups,
            RoundupExports exports,
            IntakeReview intakeReview,
            ResponseRepository responses,
            Targets targets,
            InstantSource clock) {
        this.seriesRepository = seriesRepository;
        this.assignments = assignments;
        this.participants = participants;
        this.current = current;
        this.pollNow = pollNow;
        this.curation = curation;
        this.roundups = roundups;
        this.exports = exports;
        this.intakeReview = intakeReview;
        this.responses = responses;
        this.targets = targets;
        this.clock = clock;
    }

    @GET
    public Response dashboard(@PathParam("slug") String slug, @QueryParam("done") String done) {
        Series series = seriesRepository.require(slug);
        Caller host = current.get();
        if (!HostSession.isHost(series, host)) {
            return Response.ok(Templates.login(series.slug, series.title, null)).build();
        }
        return Response.ok(Templates.dashboard(dashboardView(series, host, confirmation(done), null)))
                .build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@PathParam("slug") String slug, @RestForm String token, @Context UriInfo uri) {
        Series series = seriesRepository.require(slug);
        String presented = token == null ? "" : token.trim();
        if (!HostSession.isHost(series, Caller.withToken(presented))) {
            String error = presented.isEmpty()
                    ? "Enter the host token you were given when the series was created."
                    : "That is not the host token of this series.";
            return Response.status(presented.isEmpty() ? 401 : 403)
                    .entity(Templates.login(series.slug, series.title, error))
                    .build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=login"))
                .cookie(HostSession.login(slug, presented, HostSession.secure(uri)))
                .build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@PathParam("slug") String slug, @RestForm String csrf, @Context UriInfo uri) {
        requireHost(seriesRepository.require(slug), csrf);
        return Response.seeOther(URI.create("/series/" + slug))
                .cookie(HostSession.logout(slug, HostSession.secure(uri)))
                .build();
    }

    @POST
    @Path("/poll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response poll(@PathParam("slug") String slug, @RestForm String csrf, @RestForm String participantId) {
        Series series = seriesRepository.require(slug);
        Caller host = requireHost(series, csrf);
        String message = null;
        String error = null;
        int status = 200;
        try {
            PollNow.PollReport report = pollNow.participant(participantId, host);
            PollOutcome outcome = report.outcomes().get(0);
            if (outcome.error() != null) {
                error = "Polled " + outcome.feedUrl() + ": " + outcome.error();
            } else {
                message = "Polled " + outcome.feedUrl() + ": "
                        + outcome.result().wire() + ", " + report.newResponses() + " new response(s).";
            }
        } catch (DomainException e) {
            error = e.getMessage();
            status = ProblemStatus.of(e);
        }
        return Response.status(status)
                .entity(Templates.dashboard(dashboardView(series, host, message, error)))
                .build();
    }

    @GET
    @Path("/{number}")
    public Response curationPage(
            @PathParam("slug") String slug, @PathParam("number") String number, @QueryParam("done") String done) {
        Series series = seriesRepository.require(slug);
        Caller host = current.get();
        if (!HostSession.isHost(series, host)) {
            return Response.seeOther(URI.create("/series/" + slug + "/host")).build();
        }
        return Response.ok(Templates.curation(
                        curationView(assignments.require(series, number), host, confirmation(done), null)))
                .build();
    }

    @POST
    @Path("/{number}/state")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeState(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RestForm String csrf,
            @RestForm String responseId,
            @RestForm String state) {
        State target = "HIDDEN".equals(state) ? State.HIDDEN : State.AUTO;
        return act(
                slug,
                number,
                csrf,
                host -> curation.setState(slug, number, host, responseId, target),
                target == State.HIDDEN ? "hidden" : "restored");
    }

    /** Approve or reject a response an intake found (one form, a button for each decision). */
    @POST
    @Path("/{number}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RestForm String csrf,
            @RestForm String responseId,
            @RestForm String decision) {
        boolean approve = "approve".equals(decision);
        return act(
                slug,
                number,
                csrf,
                host -> {
                    if (!approve && !"reject".equals(decision)) {
                        throw new InvalidInput("decision", "must be approve or reject");
                    }
                    curation.setState(slug, number, host, responseId, approve ? State.AUTO : State.HIDDEN);
                },
                approve ? "approved" : "rejected");
    }

    @POST
    @Path("/{number}/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RestForm String csrf,
            @RestForm String url,
            @RestForm String participantId) {
        return act(
                slug,
                number,
                csrf,
                host -> {
                    if (url == null || !HttpUrl.Validator.isHttpUrl(url)) {
                        throw new InvalidInput("url", "must be the post's address, starting with http:// or https://");
                    }
                    curation.add(
                            slug,
                            number,
                            host,
                            new AddResponseRequest(url.trim(), null, parseId("participantId", participantId)));
                },
                "added");
    }

    @POST
    @Path("/{number}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RestForm String csrf,
            @RestForm String postId) {
        return act(
                slug,
                number,
                csrf,
                host -> curation.add(slug, number, host, new AddResponseRequest(null, parseId("postId", postId), null)),
                "accepted");
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    /**
     * Runs a curation action for the logged-in host (403 otherwise): on success back to the page
     * (POST-redirect-GET), on a refusal the page again with the reason.
     */
    private Response act(String slug, String number, String csrf, Consumer<Caller> action, String done) {
        Series series = seriesRepository.require(slug);
        Caller host = requireHost(series, csrf);
        Assignment a = assignments.require(series, number);
        try {
            action.accept(host);
        } catch (DomainException e) {
            return Response.status(ProblemStatus.of(e))
                    .entity(Templates.curation(curationView(a, host, null, e.getMessage())))
                    .build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host/" + a.number + "?done=" + done))
                .build();
    }

    private Views.HostDashboard dashboardView(Series series, Caller host, String message, String error) {
        Instant now = clock.instant();
        return new Views.HostDashboard(
                series.slug,
                series.title,
                HostSession.csrfToken(host),
                participants.ofSeries(series).stream()
                        .map(p -> Views.FeedRow.of(p, now))
                        .toList(),
                assignments.ofSeries(series).stream()
                        .map(a -> Views.AssignmentCard.of(a, now))
                        .toList(),
                responses.pendingPerAssignment(series),
                message,
                error);
    }

    private Views.CurationPage curationView(Assignment a, Caller host, String message, String error) {
        ZoneId zone = ZoneId.of(a.timezone);
        Set<Long> discovered = responses.fromDiscoveredBlogs(a);
        List<Views.EntryCard> all = roundups.forHost(a).stream()
                .map(e -> Views.EntryCard.forHost(e, zone, discovered.contains(e.id())))
                .toList();
        Instant now = clock.instant();
        // Candidates that became a response are in the lists above, hidden or not: only the others here.
        List<Views.RejectedCard> rejected =
                intakeReview.mentions(a.series.slug, String.valueOf(a.number), host).stream()
                        .filter(m -> m.status() == MentionStatus.Status.REJECTED && m.responseId() == null)
                        .map(m -> Views.RejectedCard.of(m, now))
                        .toList();
        return new Views.CurationPage(
                a.series.slug,
                a.series.title,
                a.number,
                a.title,
                HostSession.csrfToken(host),
                all.stream().filter(Views.EntryCard::pending).toList(),
                all.stream().filter(e -> !e.pending()).toList(),
                curation.nearMisses(a).stream().map(Views.NearMissCard::of).toList(),
                rejected,
                participants.ofSeries(a.series).stream()
                        .map(Views.ParticipantCard::of)
                        .toList(),
                new Views.IntakeHelp(targets.endpoint("/webmention"), targets.pageOf(a)),
                exports.markdown(a),
                exports.htmlSnippet(a),
                message,
                error);
    }

    private Caller requireHost(Series series, String csrf) {
        return HostSession.requireHost(series, current.get(), csrf);
    }

    private static String confirmation(String done) {
        return done == null ? null : DONE.get(done); // Map.of refuses null keys
    }

    private static Long parseId(String field, String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + id + "' is not an id");
        }
    }
}
