package app.carnival.pages;

import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Registration;
import app.carnival.roundup.RoundupCache;
import app.carnival.roundup.Roundups;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
import app.carnival.web.ProblemException;
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
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The reader's and participant's pages of a series: overview, assignment with its round-up, registration. */
@Path("/series/{slug}")
@Produces(MediaType.TEXT_HTML)
public class SeriesPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance series(Views.SeriesPage page);

        static native TemplateInstance assignment(Views.AssignmentPage page);

        static native TemplateInstance register(Views.RegisterForm form);

        static native TemplateInstance registered(Views.Registered result);
    }

    private final Roundups roundups;
    private final RoundupCache cache;
    private final Registration registration;
    private final Validator validator;
    private final InstantSource clock;

    public SeriesPages(Roundups roundups, RoundupCache cache, Registration registration, Validator validator, InstantSource clock) {
        this.roundups = roundups;
        this.cache = cache;
        this.registration = registration;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    public TemplateInstance series(@PathParam("slug") String slug) {
        Series s = Series.require(slug);
        return Templates.series(Views.SeriesPage.of(s, Assignment.ofSeries(s), Participant.ofSeries(s), clock.instant()));
    }

    @GET
    @Path("/{number}")
    public Response assignment(@PathParam("slug") String slug, @PathParam("number") String number) {
        RoundupCache.Version version = cache.version(slug, number).orElseThrow(() -> RoundupCache.notFound(slug, number));
        Instant now = clock.instant();
        // The page says "closes in 2 days, 3 hours": a rendering is reused while that text stays the same.
        String variant = version.status(now) + "|" + Times.relative(now, version.opensAt()) + "|"
                + Times.relative(now, version.closesAt());
        byte[] page = cache.get("page", version, variant, () -> {
            Assignment a = Assignment.findById(version.assignmentId());
            return Templates.assignment(Views.AssignmentPage.of(a, roundups.of(a), now)).render().getBytes(StandardCharsets.UTF_8);
        });
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/register")
    public TemplateInstance registerForm(@PathParam("slug") String slug) {
        Series s = Series.require(slug);
        return Templates.register(new Views.RegisterForm(s.slug, s.title, s.hashtag, "", "", "", null, null, null, null));
    }

    /** Not transactional: registration looks for the feed on the network first. */
    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("slug") String slug, @RestForm String name, @RestForm String blogUrl,
                             @RestForm String feedUrl) {
        Series s = Series.require(slug);
        ParticipantRequest request = new ParticipantRequest(trim(name), trim(blogUrl), trim(feedUrl), null);
        Map<String, String> errors = new HashMap<>();
        for (ConstraintViolation<ParticipantRequest> v : validator.validate(request)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        String general = null;
        int status = 422;
        if (errors.isEmpty()) {
            try {
                ParticipantView p = registration.register(slug, request);
                return Response.status(201).entity(Templates.registered(
                        new Views.Registered(s.slug, s.title, s.hashtag, p.id(), p.name(), p.feedUrl(), p.participantToken()))).build();
            } catch (ProblemException e) {
                e.errors().forEach(f -> errors.put(f.field(), f.message()));
                general = e.errors().isEmpty() ? e.getMessage() : null;
                status = e.status();
            }
        }
        Views.RegisterForm form = new Views.RegisterForm(s.slug, s.title, s.hashtag, orEmpty(name), orEmpty(blogUrl),
                orEmpty(feedUrl), errors.get("name"), errors.get("blogUrl"), errors.get("feedUrl"), general);
        return Response.status(status).entity(Templates.register(form)).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ErrorPage.of(e);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
