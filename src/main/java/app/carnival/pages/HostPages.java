package app.carnival.pages;

import app.carnival.announce.Announcements;
import app.carnival.announce.Publishing;
import app.carnival.errors.DomainException;
import app.carnival.errors.Forbidden;
import app.carnival.errors.InvalidInput;
import app.carnival.feed.poll.PollNow;
import app.carnival.hosting.AddResponseRequest;
import app.carnival.hosting.Curation;
import app.carnival.intake.IntakeReview;
import app.carnival.intake.MentionStatus;
import app.carnival.intake.Targets;
import app.carnival.participant.ParticipantRepository;
import app.carnival.registration.Approvals;
import app.carnival.registration.Registration;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("login", "You are logged in as the host of this series."),
            Map.entry("hidden", "The response is hidden from the round-up."),
            Map.entry("restored", "The response is back in the round-up."),
            Map.entry("added", "The post was added to the round-up."),
            Map.entry("accepted", "The near-miss was accepted into the round-up."),
            Map.entry("approved", "Approved: the response is in the round-up now."),
            Map.entry(
                    "rejected",
                    "Rejected: the response stays out of the round-up, and is not brought back if found again."),
            Map.entry(
                    "published",
                    "The round-up is published: each participant in it is told by a Webmention, in the background."),
            Map.entry("planned", "The assignment is planned."),
            Map.entry("edited", "The assignment is saved; its round-up was matched again."),
            Map.entry("removed", "The participant is removed from the series."),
            Map.entry("blocked", "The participant is removed, and their blog cannot register again."),
            Map.entry("unblocked", "The address may register again."),
            Map.entry("registration-approved", "Approved: the blog takes part, and its feed is read now."),
            Map.entry("registration-rejected", "Rejected: the registration is deleted."));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Views.LoginForm form);

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
    private final Registration registration;
    private final Approvals approvals;
    private final InstantSource clock;
    private final Publishing publishing;
    private final Announcements announcements;

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
            Registration registration,
            Approvals approvals,
            InstantSource clock,
            Publishing publishing,
            Announcements announcements) {
        this.publishing = publishing;
        this.announcements = announcements;
        this.registration = registration;
        this.approvals = approvals;
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

    /**
     * The dashboard, or the login form for anyone else. After "Poll now" ({@code done=polled}) it says
     * how the participant's feed answered, read from the feed's stored state.
     */
    @GET
    public Response dashboard(
            @PathParam("slug") String slug,
            @QueryParam("done") String done,
            @QueryParam("participant") String polled,
            @CookieParam(FormGuard.COOKIE) String formCookie,
            @Context UriInfo uri) {
        Series series = seriesRepository.require(slug);
        HostAccess access = access(series);
        if (!access.signedIn()) {
            Response login = loginPage(series, 200, formCookie, uri, null, null);
            // A cookie that signs in as nobody (the token was replaced) is dropped, and counted once, not at every
            // visit.
            return access.caller().presentsToken()
                    ? Response.fromResponse(login)
                            .cookie(HostSession.logout(slug, HostSession.secure(uri)))
                            .build()
                    : login;
        }
        String said = "login".equals(done) && !access.seriesHost()
                ? "You are logged in as the guest host of assignment "
                        + access.guestOf().stream().sorted().map(n -> "#" + n).collect(Collectors.joining(", ")) + "."
                : confirmation(done);
        Views.HostDashboard page = dashboardView(series, access, said, null);
        if ("polled".equals(done) && polled != null && polled.matches("[0-9]{1,18}")) {
            page = page.polled(Long.parseLong(polled));
        }
        return Response.ok(Templates.dashboard(page)).build();
    }

    /** Checks the form's CSRF value first (login CSRF would log a victim into someone else's series). */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(
            @PathParam("slug") String slug,
            @RestForm String token,
            @RestForm(FormGuard.FIELD) String form,
            @CookieParam(FormGuard.COOKIE) String formCookie,
            @Context UriInfo uri) {
        Series series = seriesRepository.require(slug);
        try {
            FormGuard.check(formCookie, form);
        } catch (Forbidden e) {
            return loginPage(series, 403, formCookie, uri, null, e.getMessage());
        }
        String presented = token == null ? "" : token.trim();
        if (!HostAccess.of(series, assignments.ofSeries(series), current.get().presenting(presented))
                .signedIn()) {
            String error = presented.isEmpty()
                    ? "Enter the host token you were given when the series was created, or your guest host token."
                    : "That is not the host token of this series, nor a guest host token of one of its assignments.";
            return loginPage(series, presented.isEmpty() ? 401 : 403, formCookie, uri, error, null);
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

    /**
     * Polls one participant's feed, then back to the dashboard (POST-redirect-GET: a reload does not
     * poll again), which reads the outcome from the feed's stored state. A refused poll (too soon,
     * no such participant) shows the dashboard with the reason.
     */
    @POST
    @Path("/poll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response poll(@PathParam("slug") String slug, @RestForm String csrf, @RestForm String participantId) {
        Series series = seriesRepository.require(slug);
        Caller host = requireHost(series, csrf);
        long id;
        try {
            id = participantOf(participantId);
            pollNow.participant(String.valueOf(id), host);
        } catch (DomainException e) {
            return Response.status(ProblemStatus.of(e))
                    .entity(Templates.dashboard(dashboardView(series, access(series), null, e.getMessage())))
                    .build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=polled&participant=" + id))
                .build();
    }

    /** Series host: remove a participant, and optionally block its blog from registering again. */
    @POST
    @Path("/participants/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeParticipant(
            @PathParam("slug") String slug,
            @RestForm String csrf,
            @RestForm String participantId,
            @RestForm String block,
            @RestForm String reason) {
        Caller host = requireHost(seriesRepository.require(slug), csrf);
        long id = participantOf(participantId);
        boolean blocking = block != null && !block.isBlank();
        if (blocking) {
            registration.removeAndBlock(slug, id, reason, host);
        } else {
            registration.leave(String.valueOf(id), host);
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=" + (blocking ? "blocked" : "removed")))
                .build();
    }

    /** Series host: approve or reject a registration waiting for approval (one form, a button for each decision). */
    @POST
    @Path("/participants/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewRegistration(
            @PathParam("slug") String slug,
            @RestForm String csrf,
            @RestForm String participantId,
            @RestForm String decision) {
        Caller host = requireHost(seriesRepository.require(slug), csrf);
        String id = String.valueOf(participantOf(participantId));
        String done;
        if ("approve".equals(decision)) {
            approvals.approve(slug, id, host);
            done = "registration-approved";
        } else if ("reject".equals(decision)) {
            approvals.reject(slug, id, host);
            done = "registration-rejected";
        } else {
            throw new InvalidInput("decision", "must be approve or reject");
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=" + done))
                .build();
    }

    /** Series host: let a blocked address register again. */
    @POST
    @Path("/blocked/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblock(@PathParam("slug") String slug, @RestForm String csrf, @RestForm String blockedId) {
        Caller host = requireHost(seriesRepository.require(slug), csrf);
        registration.unblock(slug, blockedId == null ? "" : blockedId.trim(), host);
        return Response.seeOther(URI.create("/series/" + slug + "/host?done=unblocked"))
                .build();
    }

    @GET
    @Path("/{number}")
    public Response curationPage(
            @PathParam("slug") String slug, @PathParam("number") String number, @QueryParam("done") String done) {
        Series series = seriesRepository.require(slug);
        Assignment a = assignments.require(series, number);
        HostAccess access = access(series);
        if (!access.mayHost(a)) {
            return Response.seeOther(URI.create("/series/" + slug + "/host")).build();
        }
        return Response.ok(Templates.curation(
                        curationView(a, access.caller(), confirmation(done), null, Views.AddForm.BLANK)))
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
                        throw new InvalidInput("url", "must start with http:// or https://");
                    }
                    curation.add(
                            slug,
                            number,
                            host,
                            new AddResponseRequest(url.trim(), null, parseId("participantId", participantId)));
                },
                "added",
                e -> Views.AddForm.refused(url, participantId, e));
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

    /** Publish the round-up (once its deadline has passed), then back to the page, which shows the Webmentions. */
    @POST
    @Path("/{number}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("slug") String slug, @PathParam("number") String number, @RestForm String csrf) {
        return act(slug, number, csrf, host -> publishing.publish(slug, number, host), "published");
    }

    private Response act(String slug, String number, String csrf, Consumer<Caller> action, String done) {
        return act(slug, number, csrf, action, done, null);
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    /**
     * Runs a curation action for the logged-in host (403 otherwise): on success back to the page
     * (POST-redirect-GET), on a refusal the page again with the reason, at the top of the page or,
     * given {@code refusedForm}, in the form that was sent (with what was typed).
     */
    private Response act(
            String slug,
            String number,
            String csrf,
            Consumer<Caller> action,
            String done,
            Function<DomainException, Views.AddForm> refusedForm) {
        Series series = seriesRepository.require(slug);
        Caller host = requireHost(series, csrf);
        Assignment a = assignments.require(series, number);
        if (!access(series).mayHost(a)) {
            // A guest host of another assignment: refused before its curation page could be shown.
            throw new Forbidden("You host another assignment of this series, not #" + a.number + ".");
        }
        try {
            action.accept(host);
        } catch (DomainException e) {
            Views.CurationPage page = refusedForm == null
                    ? curationView(a, host, null, e.getMessage(), Views.AddForm.BLANK)
                    : curationView(a, host, null, null, refusedForm.apply(e));
            return Response.status(ProblemStatus.of(e))
                    .entity(Templates.curation(page))
                    .build();
        }
        return Response.seeOther(URI.create("/series/" + slug + "/host/" + a.number + "?done=" + done))
                .build();
    }

    private Views.HostDashboard dashboardView(Series series, HostAccess access, String message, String error) {
        Instant now = clock.instant();
        List<Assignment> hosted = access.hosted();
        return new Views.HostDashboard(
                series.slug,
                series.title,
                HostSession.csrfToken(access.caller()),
                access.seriesHost(),
                participants.ofSeries(series).stream()
                        .map(p -> Views.FeedRow.of(p, now))
                        .toList(),
                access.seriesHost()
                        ? participants.pendingOfSeries(series).stream()
                                .map(p -> Views.PendingRow.of(p, now))
                                .toList()
                        : List.of(),
                hosted.stream().map(a -> Views.AssignmentCard.of(a, now)).toList(),
                hosted.stream()
                        .filter(a -> InvitationWarning.applies(a, now))
                        .map(a -> InvitationWarning.text(a, now))
                        .toList(),
                access.seriesHost() ? registration.blocked(series.slug, access.caller()) : List.of(),
                responses.pendingPerAssignment(series),
                message,
                error);
    }

    private Views.CurationPage curationView(
            Assignment a, Caller host, String message, String error, Views.AddForm addForm) {
        ZoneId zone = ZoneId.of(a.timezone);
        Set<Long> discovered = responses.fromDiscoveredBlogs(a);
        List<Views.EntryCard> all = roundups.forHost(a).stream()
                .map(e -> Views.EntryCard.forHost(e, zone, discovered.contains(e.id())))
                .toList();
        Instant now = clock.instant();
        Announcements.Publication publication = announcements.of(a);
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
                a.displayTitle(),
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
                addForm,
                Views.PublishBox.of(a, publication, now),
                Announcements.byResponse(publication),
                message,
                error);
    }

    private HostAccess access(Series series) {
        return HostAccess.of(series, assignments.ofSeries(series), current.get());
    }

    /** A form's POST from the host or a guest host (see {@link HostSession#requireSignedIn}). */
    private Caller requireHost(Series series, String csrf) {
        return HostSession.requireSignedIn(access(series).signedIn(), current.get(), csrf);
    }

    private Response loginPage(
            Series series, int status, String formCookie, UriInfo uri, String tokenError, String error) {
        FormGuard.Issued guard = FormGuard.issue(formCookie, HostSession.secure(uri));
        return Response.status(status)
                .entity(Templates.login(
                        new Views.LoginForm(series.slug, series.title, guard.value(), tokenError, error)))
                .cookie(guard.cookie())
                .build();
    }

    private static String confirmation(String done) {
        return done == null ? null : DONE.get(done); // Map.of refuses null keys
    }

    /** The participant a form names: its id, required. */
    private static long participantOf(String participantId) {
        Long id = parseId("participantId", participantId);
        if (id == null) {
            throw new InvalidInput("participantId", "choose a participant");
        }
        return id;
    }

    private static Long parseId(String field, String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + id + "' is not an id");
        }
    }
}
