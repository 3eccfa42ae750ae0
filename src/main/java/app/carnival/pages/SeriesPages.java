package app.carnival.pages;

import app.carnival.errors.DomainException;
import app.carnival.errors.InvalidInput;
import app.carnival.intake.Targets;
import app.carnival.limits.Limit;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Registration;
import app.carnival.response.ResponseRepository;
import app.carnival.roundup.ParticipantHistories;
import app.carnival.roundup.RoundupCache;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.Roundups;
import app.carnival.roundup.SeriesCalendar;
import app.carnival.roundup.Stats;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.web.CurrentCaller;
import app.carnival.web.ProblemStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The reader's and participant's pages of a series: overview, assignment with its round-up,
 * registration, and the series' calendar.
 */
@Path("/series/{slug}")
@Produces(MediaType.TEXT_HTML)
public class SeriesPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance series(Views.SeriesPage page, StatsViews.Glance glance);

        static native TemplateInstance assignment(Views.AssignmentPage page);

        static native TemplateInstance register(Views.RegisterForm form);

        static native TemplateInstance registered(Views.Registered result);

        static native TemplateInstance hosts(Views.HostsPage page);

        static native TemplateInstance participant(HistoryPage page);
    }

    private final SeriesRepository seriesRepository;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final Roundups roundups;
    private final RoundupExports exports;
    private final RoundupCache cache;
    private final SeriesCalendar calendar;
    private final Registration registration;
    private final Validator validator;
    private final InstantSource clock;
    private final Views.Endpoints endpoints;
    private final ResponseRepository responses;
    private final ParticipantHistories histories;
    private final Stats stats;
    private final CurrentCaller current;

    public SeriesPages(
            SeriesRepository seriesRepository,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            Roundups roundups,
            RoundupExports exports,
            RoundupCache cache,
            SeriesCalendar calendar,
            Registration registration,
            Validator validator,
            InstantSource clock,
            Targets targets,
            ResponseRepository responses,
            ParticipantHistories histories,
            Stats stats,
            CurrentCaller current) {
        this.current = current;
        this.responses = responses;
        this.histories = histories;
        this.stats = stats;
        this.seriesRepository = seriesRepository;
        this.assignments = assignments;
        this.participants = participants;
        this.roundups = roundups;
        this.exports = exports;
        this.cache = cache;
        this.calendar = calendar;
        this.registration = registration;
        this.validator = validator;
        this.clock = clock;
        this.endpoints =
                new Views.Endpoints(targets.endpoint("/webmention"), targets.endpoint("/xmlrpc"), targets.endpoint(""));
    }

    @GET
    public TemplateInstance series(@PathParam("slug") String slug) {
        Series s = seriesRepository.require(slug);
        return Templates.series(
                Views.SeriesPage.of(s, assignments.ofSeries(s), participants.ofSeries(s), clock.instant()),
                StatsViews.Glance.of(stats.ofSeries(s)));
    }

    /** The series' calendar: when each invitation goes out and each deadline, for calendar apps to subscribe to. */
    @GET
    @Path("/calendar.ics")
    @Produces(SeriesCalendar.MEDIA_TYPE)
    public String calendar(@PathParam("slug") String slug) {
        return calendar.ics(slug);
    }

    /**
     * An assignment page, advertising the Webmention and Pingback endpoints (in headers and in its
     * head): a post that links to it notifies Carnival without its author registering anywhere.
     */
    @GET
    @Path("/{number}")
    public Response assignment(@PathParam("slug") String slug, @PathParam("number") String number) {
        RoundupCache.Version version = exports.version(slug, number);
        Instant now = clock.instant();
        // The page says "closes in 2 days, 3 hours": a rendering is reused while that text stays the same.
        String variant = version.status(now) + "|" + Times.relative(now, version.opensAt()) + "|"
                + Times.relative(now, version.closesAt());
        byte[] page = cache.get("page", version, variant, () -> {
            Assignment a = assignments.byId(version.assignmentId());
            return Templates.assignment(Views.AssignmentPage.of(a, roundups.of(a), now, endpoints))
                    .render()
                    .getBytes(StandardCharsets.UTF_8);
        });
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Link", "<" + endpoints.webmention() + ">; rel=\"webmention\"")
                .header("X-Pingback", endpoints.pingback())
                .build();
    }

    /** Every past and planned host, with the assignment, its round-up and its response count. */
    @GET
    @Path("/hosts")
    public TemplateInstance hosts(@PathParam("slug") String slug) {
        Series s = seriesRepository.require(slug);
        Map<Integer, Long> counts = responses.visiblePerAssignment(s);
        Instant now = clock.instant();
        return Templates.hosts(new Views.HostsPage(
                s.slug,
                s.title,
                assignments.ofSeries(s).stream()
                        .map(a -> Views.HostRow.of(a, counts.getOrDefault(a.number, 0L), now))
                        .toList()));
    }

    /** A participant's responses across the series, their first assignment and their streaks. */
    @GET
    @Path("/participants/{id}")
    public TemplateInstance participant(@PathParam("slug") String slug, @PathParam("id") String id) {
        Series s = seriesRepository.require(slug);
        return Templates.participant(HistoryPage.of(s.title, histories.of(slug, id)));
    }

    @GET
    @Path("/register")
    public TemplateInstance registerForm(@PathParam("slug") String slug) {
        Series s = seriesRepository.require(slug);
        return Templates.register(registerForm(s, "", "", "", "", lastZone(s), Map.of(), null));
    }

    /** Not transactional: registration looks for the feed on the network first. */
    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @PathParam("slug") String slug,
            @RestForm String name,
            @RestForm String blogUrl,
            @RestForm String feedUrl,
            @RestForm String email,
            @RestForm String timeZone) {
        current.admit(Limit.REGISTRATION);
        Series s = seriesRepository.require(slug);
        ParticipantRequest request =
                new ParticipantRequest(trim(name), trim(blogUrl), trim(feedUrl), null, trim(email), trim(timeZone));
        Map<String, String> errors = new HashMap<>();
        for (ConstraintViolation<ParticipantRequest> v : validator.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        String general = null;
        int status = 422;
        if (errors.isEmpty()) {
            try {
                ParticipantView p = registration.register(slug, request);
                boolean pending = p.status() == Participant.Status.PENDING;
                return Response.status(pending ? 202 : 201)
                        .entity(Templates.registered(new Views.Registered(
                                s.slug,
                                s.title,
                                s.hashtag,
                                p.id(),
                                p.name(),
                                p.feedUrl(),
                                p.participantToken(),
                                p.reminders(),
                                pending)))
                        .build();
            } catch (InvalidInput e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
            } catch (DomainException e) {
                general = e.getMessage();
                status = ProblemStatus.of(e);
            }
        }
        String zone = timeZone == null || timeZone.isBlank() ? lastZone(s) : timeZone;
        return Response.status(status)
                .entity(Templates.register(registerForm(
                        s, orEmpty(name), orEmpty(blogUrl), orEmpty(feedUrl), orEmpty(email), zone, errors, general)))
                .build();
    }

    private Views.RegisterForm registerForm(
            Series s,
            String name,
            String blogUrl,
            String feedUrl,
            String email,
            String zone,
            Map<String, String> errors,
            String general) {
        boolean mail = registration.offersReminders();
        return new Views.RegisterForm(
                s.slug,
                s.title,
                s.hashtag,
                name,
                blogUrl,
                feedUrl,
                email,
                zone,
                Map.copyOf(errors),
                general,
                mail,
                mail ? AssignmentForm.zones() : List.of(),
                s.registrationPolicy == Series.RegistrationPolicy.REVIEW);
    }

    /** The zone of the series' newest assignment: where most of its participants probably are. UTC before any. */
    private String lastZone(Series s) {
        return assignments.ofSeries(s).stream()
                .max(Comparator.comparingInt((Assignment a) -> a.number))
                .map(a -> a.timezone)
                .orElse("UTC");
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
