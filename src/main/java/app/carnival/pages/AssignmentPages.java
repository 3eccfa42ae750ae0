package app.carnival.pages;

import app.carnival.errors.Conflict;
import app.carnival.errors.DomainException;
import app.carnival.errors.Forbidden;
import app.carnival.errors.InvalidInput;
import app.carnival.hosting.AssignmentPlanning;
import app.carnival.intake.Targets;
import app.carnival.matching.MatchRule;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.AssignmentRequest;
import app.carnival.series.AssignmentService;
import app.carnival.series.AssignmentView;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.web.CurrentCaller;
import app.carnival.web.ProblemStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Assignments in the browser: "Plan an assignment" and "Edit" with every field of the API (through
 * the same service, so edits re-match), and the guest host token. The series host plans and edits
 * everything; a guest host edits the topic, invitation, questions, intro and window of their assignment.
 */
@Path("/series/{slug}/host/assignments")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AssignmentPages {

    /** Each rule with its name in words and a sentence, in the order the form offers them. */
    static final List<Rule> RULES = List.of(
            new Rule(
                    MatchRule.LINK_OR_TAG.name(),
                    "Link or hashtag",
                    "A post counts when it links to the invitation or carries the hashtag (the usual choice)."),
            new Rule(
                    MatchRule.LINK_AND_TAG.name(),
                    "Link and hashtag",
                    "A post counts only when it links to the invitation and carries the hashtag."),
            new Rule(
                    MatchRule.LINK_ONLY.name(),
                    "Link only",
                    "Only a link to the invitation counts; the hashtag alone is not enough."),
            new Rule(
                    MatchRule.TAG_ONLY.name(),
                    "Hashtag only",
                    "Only the hashtag counts; a link to the invitation is not needed."));

    /** The form fields in page order, with the labels the error summary names them by. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("number", "Number");
        LABELS.put("title", "Title");
        LABELS.put("invitationUrl", "Invitation address");
        LABELS.put("aliasUrls", "Other addresses of the invitation");
        LABELS.put("questions", "Questions");
        LABELS.put("opens", "Opens");
        LABELS.put("closes", "Closes");
        LABELS.put("timezone", "Time zone");
        LABELS.put("graceMinutes", "Grace period");
        LABELS.put("matchRule", "What counts as a response");
        LABELS.put("hashtag", "Hashtag for this assignment");
        LABELS.put("roundupIntro", "Round-up introduction");
        LABELS.put("guestName", "Guest host's name");
        LABELS.put("guestUrl", "Guest host's blog");
    }

    /** One error, for the summary at the top and the field itself. */
    record FieldError(String field, String label, String message) {}

    record Rule(String name, String label, String explanation) {}

    /**
     * @param number   null when planning a new assignment
     * @param guest    the page is a guest host's: number, rule, hashtag and guest host are shown, not edited
     */
    record FormPage(
            String slug,
            String seriesTitle,
            String seriesHashtag,
            String csrf,
            Integer number,
            boolean guest,
            AssignmentForm form,
            List<FieldError> errors,
            String error,
            List<String> zones,
            List<Rule> rules) {

        /** The error summary's lines: each field's error, named by its label, then the form's own. */
        public List<Views.FormError> summary() {
            List<Views.FormError> all = new ArrayList<>(errors.stream()
                    .map(e -> new Views.FormError(e.field(), e.label() + " " + e.message()))
                    .toList());
            if (error != null) {
                all.add(new Views.FormError(null, error));
            }
            return all;
        }

        public String numberHint() {
            return number == null ? "The next free number is suggested." : "Another number renumbers the assignment.";
        }

        public String hashtagHint() {
            return "Only if it differs from the series' own, #" + seriesHashtag + ".";
        }

        /** The rule in words, for a guest host's page, which shows it without offering a choice. */
        public String ruleLabel() {
            return RULES.stream()
                    .filter(r -> r.name().equals(form.matchRule()))
                    .map(Rule::label)
                    .findFirst()
                    .orElse(form.matchRule());
        }

        public String errorOf(String field) {
            return errors.stream()
                    .filter(e -> e.field().equals(field))
                    .map(FieldError::message)
                    .findFirst()
                    .orElse(null);
        }
    }

    record GuestTokenPage(
            String slug, String seriesTitle, int number, String title, String guestName, String token, String signIn) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance guestToken(GuestTokenPage page);
    }

    private final SeriesRepository seriesRepository;
    private final AssignmentRepository assignments;
    private final AssignmentPlanning planning;
    private final CurrentCaller current;
    private final Validator validator;
    private final Targets targets;
    private final InstantSource clock;

    public AssignmentPages(
            SeriesRepository seriesRepository,
            AssignmentRepository assignments,
            AssignmentPlanning planning,
            CurrentCaller current,
            Validator validator,
            Targets targets,
            InstantSource clock) {
        this.seriesRepository = seriesRepository;
        this.assignments = assignments;
        this.planning = planning;
        this.current = current;
        this.validator = validator;
        this.targets = targets;
        this.clock = clock;
    }

    @GET
    @Path("/new")
    public Response planForm(@PathParam("slug") String slug) {
        Series series = seriesRepository.require(slug);
        HostAccess access = access(series);
        if (!access.seriesHost()) {
            return signIn(slug);
        }
        // In number order: the last one gives the next free number and the zone the series used last.
        List<Assignment> all = access.assignments();
        Assignment last = all.isEmpty() ? null : all.get(all.size() - 1);
        AssignmentForm blank = AssignmentForm.blank(
                last == null ? 1 : last.number + 1, last == null ? "UTC" : last.timezone, clock.instant());
        return Response.ok(Templates.form(page(series, access, null, false, blank, Map.of(), null)))
                .build();
    }

    /** Not transactional: after the change is stored, the series' posts are matched again (which may fetch pages). */
    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(@PathParam("slug") String slug, @RestForm String csrf, @BeanParam Fields f) {
        Series series = seriesRepository.require(slug);
        HostAccess access = requireSignedIn(series, csrf);
        if (!access.seriesHost()) {
            throw new Forbidden("Only the series' host plans assignments.");
        }
        AssignmentForm form = f.form();
        return save(series, access, null, false, form, null, request -> {
            AssignmentView created = planning.create(slug, access.caller(), request);
            return "/series/" + slug + "/host?done=planned&n=" + created.number();
        });
    }

    @GET
    @Path("/{number}")
    public Response editForm(@PathParam("slug") String slug, @PathParam("number") String number) {
        Series series = seriesRepository.require(slug);
        Assignment a = assignments.require(series, number);
        HostAccess access = access(series);
        if (!access.mayHost(a)) {
            return signIn(slug);
        }
        return Response.ok(Templates.form(
                        page(series, access, a.number, !access.seriesHost(), AssignmentForm.of(a), Map.of(), null)))
                .build();
    }

    @POST
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RestForm String csrf,
            @BeanParam Fields f) {
        Series series = seriesRepository.require(slug);
        HostAccess access = requireSignedIn(series, csrf);
        Assignment a = assignments.require(series, number);
        if (!access.mayHost(a)) {
            throw new Forbidden("You host another assignment of this series, not #" + a.number + ".");
        }
        boolean guest = !access.seriesHost();
        AssignmentRequest kept = guest
                ? QuarkusTransaction.requiringNew()
                        .call(() -> AssignmentService.current(assignments.require(slug, number)))
                : null;
        return save(series, access, a.number, guest, f.form(), kept, request -> {
            AssignmentView saved = planning.replace(slug, number, access.caller(), request);
            return "/series/" + slug + "/host?done=edited&n=" + saved.number();
        });
    }

    /** The series host issues the guest host's token: shown once, with the link to send. */
    @POST
    @Path("/{number}/guest-token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response guestToken(
            @PathParam("slug") String slug, @PathParam("number") String number, @RestForm String csrf) {
        Series series = seriesRepository.require(slug);
        HostAccess access = requireSignedIn(series, csrf);
        String token = planning.issueGuestToken(slug, number, access.caller());
        Assignment a = assignments.require(series, number);
        return Response.ok(Templates.guestToken(new GuestTokenPage(
                        slug,
                        series.title,
                        a.number,
                        a.displayTitle(),
                        a.guestHostName,
                        token,
                        targets.endpoint("/series/" + slug + "/host"))))
                .header("Cache-Control", "no-store")
                .build();
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    /** What a save does on success: the address to go to next. */
    private interface Save {
        String apply(AssignmentRequest request);
    }

    private Response save(
            Series series,
            HostAccess access,
            Integer number,
            boolean guest,
            AssignmentForm form,
            AssignmentRequest kept,
            Save save) {
        Map<String, String> errors = new LinkedHashMap<>();
        AssignmentRequest request = form.toRequest(errors, kept);
        for (ConstraintViolation<AssignmentRequest> v : validator.validate(request)) {
            errors.putIfAbsent(AssignmentForm.fieldOf(v.getPropertyPath().toString()), v.getMessage());
        }
        String general = null;
        int status = 422;
        if (errors.isEmpty()) {
            try {
                return Response.seeOther(URI.create(save.apply(request))).build();
            } catch (InvalidInput e) {
                e.errors().forEach(fe -> errors.putIfAbsent(AssignmentForm.fieldOf(fe.field()), fe.message()));
            } catch (Conflict e) {
                errors.put("number", "is taken: " + e.getMessage());
                status = 409;
            } catch (Forbidden e) {
                general = e.getMessage();
                status = 403;
            } catch (DomainException e) {
                general = e.getMessage();
                status = ProblemStatus.of(e);
            }
        }
        return Response.status(status)
                .entity(Templates.form(page(series, access, number, guest, form, errors, general)))
                .build();
    }

    private FormPage page(
            Series series,
            HostAccess access,
            Integer number,
            boolean guest,
            AssignmentForm form,
            Map<String, String> errors,
            String general) {
        List<FieldError> listed = errors.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), LABELS.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(
                        e -> List.copyOf(LABELS.keySet()).indexOf(e.field())))
                .toList();
        return new FormPage(
                series.slug,
                series.title,
                series.hashtag,
                HostSession.csrfToken(access.caller()),
                number,
                guest,
                form,
                listed,
                general,
                AssignmentForm.zones(),
                RULES);
    }

    private HostAccess access(Series series) {
        return HostAccess.of(series, assignments.ofSeries(series), current.get());
    }

    private HostAccess requireSignedIn(Series series, String csrf) {
        HostAccess access = access(series);
        HostSession.requireSignedIn(access.signedIn(), access.caller(), csrf);
        return access;
    }

    private static Response signIn(String slug) {
        return Response.seeOther(URI.create("/series/" + slug + "/host")).build();
    }

    /** The form's fields, as posted. */
    public static class Fields {
        @RestForm
        String number;

        @RestForm
        String title;

        @RestForm
        String invitationUrl;

        @RestForm
        String aliasUrls;

        @RestForm
        String questions;

        @RestForm
        String opens;

        @RestForm
        String closes;

        @RestForm
        String timezone;

        @RestForm
        String graceMinutes;

        @RestForm
        String matchRule;

        @RestForm
        String hashtag;

        @RestForm
        String roundupIntro;

        @RestForm
        String guestName;

        @RestForm
        String guestUrl;

        AssignmentForm form() {
            return new AssignmentForm(
                    number,
                    title,
                    invitationUrl,
                    aliasUrls,
                    questions,
                    opens,
                    closes,
                    timezone,
                    graceMinutes,
                    matchRule,
                    hashtag,
                    roundupIntro,
                    guestName,
                    guestUrl);
        }
    }
}
