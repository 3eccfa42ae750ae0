package app.carnival.series;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.Conflict;
import app.carnival.errors.Forbidden;
import app.carnival.errors.InvalidInput;
import app.carnival.security.Caller;
import app.carnival.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Creates, reads, edits and deletes series. Edits run in the caller's transaction. */
@ApplicationScoped
public class SeriesService {

    /** Slugs Carnival's own pages use: {@code /series/new} is the form that starts a series. */
    static final Set<String> RESERVED_SLUGS = Set.of("new");

    /** The request's fields in declaration order: the order field errors are reported in. */
    private static final List<String> FIELDS = Arrays.stream(SeriesRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    private final SeriesRepository series;
    private final Validator validator;
    private final boolean mailEnabled;
    private final CarnivalConfig.SeriesCreation creation;
    private final byte[] operatorTokenHash;

    public SeriesService(SeriesRepository series, Validator validator, CarnivalConfig config) {
        this.series = series;
        this.validator = validator;
        this.mailEnabled = config.mail().smtpHost().isPresent();
        this.creation = config.seriesCreation();
        this.operatorTokenHash = config.operatorToken()
                .filter(t -> !t.isBlank())
                .map(t -> Tokens.hash(t.trim()))
                .orElse(null);
    }

    /** Whether only the operator starts series here: the "Start a carnival" form then asks for the operator token. */
    public boolean asksOperatorToken() {
        return creation == CarnivalConfig.SeriesCreation.TOKEN;
    }

    /**
     * A series started on the web, if {@code carnival.series-creation} lets the caller start one: anyone
     * ({@code open}), only with the operator token ({@code token}), or nobody ({@code closed}).
     */
    @Transactional
    public SeriesView create(SeriesRequest request, Caller caller) {
        refuseIfClosed();
        switch (creation) {
            case TOKEN -> {
                if (operatorTokenHash == null) {
                    throw new Forbidden(
                            "This Carnival starts series only with its operator token, and none is configured: ask its operator.");
                }
                caller.require("this Carnival's operator token (only its operator starts series)", operatorTokenHash);
            }
            case OPEN, CLOSED -> {}
        }
        return create(request);
    }

    /** Forbidden when {@code carnival.series-creation} is {@code closed}: also what the "Start a carnival" page says. */
    public void refuseIfClosed() {
        if (creation == CarnivalConfig.SeriesCreation.CLOSED) {
            throw new Forbidden("This Carnival does not start series on the web: its operator starts them, from the"
                    + " command line. Ask them for one.");
        }
    }

    /**
     * A new series and its host token, shown this once, whatever {@code carnival.series-creation} says
     * (the operator's command line). Invalid fields: one {@link InvalidInput} naming each.
     */
    @Transactional
    public SeriesView create(SeriesRequest request) {
        List<InvalidInput.FieldError> errors = violations(request);
        if (request.slug() != null && RESERVED_SLUGS.contains(request.slug())) {
            errors.add(new InvalidInput.FieldError("slug", "is reserved for Carnival's own pages: choose another"));
        }
        refuseIfAny(errors);
        if (series.findBySlug(request.slug()).isPresent()) {
            throw new Conflict("A series with slug '" + request.slug() + "' already exists.");
        }
        String token = Tokens.newToken();
        Series s = new Series();
        s.slug = request.slug();
        apply(s, request);
        s.hostTokenHash = Tokens.hash(token);
        s.persistAndFlush();
        Series.getEntityManager().refresh(s);
        return SeriesView.of(s).withHostToken(token);
    }

    public List<SeriesView> list() {
        return series.all().stream().map(SeriesView::of).toList();
    }

    public SeriesView get(String slug) {
        return SeriesView.of(series.require(slug));
    }

    /** The series as a request that would recreate it: what an edit starts from. */
    public static SeriesRequest current(Series s) {
        return new SeriesRequest(
                s.slug,
                s.title,
                s.description,
                s.hashtag,
                s.homeUrl,
                s.intakePolicy,
                s.registrationPolicy,
                s.autoPublish,
                s.reminderDays,
                s.hostEmail);
    }

    /**
     * Replaces the series' fields with the request's (validated as at creation; the slug can not
     * change), and marks its round-ups changed, since they show its title and hashtag.
     *
     * @return whether the hashtag changed, so that stored posts must be matched again
     */
    public boolean update(Series s, SeriesRequest request) {
        List<InvalidInput.FieldError> errors = violations(request);
        if (!s.slug.equals(request.slug())) {
            errors.add(new InvalidInput.FieldError(
                    "slug", "can not change: the series' pages and feeds are known by '" + s.slug + "'"));
        }
        refuseIfAny(errors);
        String before = s.hashtag;
        apply(s, request);
        Series.getEntityManager()
                .createNativeQuery("UPDATE assignment SET roundup_version = roundup_version + 1 WHERE series_id = ?1")
                .setParameter(1, s.id)
                .executeUpdate();
        return !before.equalsIgnoreCase(s.hashtag); // hashtags match case-insensitively
    }

    /** A new host token for the series, shown this once; the old one stops working when the transaction commits. */
    public String rotateHostToken(Series s) {
        String token = Tokens.newToken();
        s.hostTokenHash = Tokens.hash(token);
        return token;
    }

    /**
     * Deletes the series. The database deletes its assignments, their responses and intake
     * candidates, and its participants; a feed no other participant follows goes with its last one
     * (trigger {@code participant_orphan_feed}).
     */
    public void delete(Series s) {
        Series.delete("id", s.id);
    }

    private List<InvalidInput.FieldError> violations(SeriesRequest request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        // "must not be blank" says more than the pattern a blank value also fails: it goes first.
        List<ConstraintViolation<SeriesRequest>> found = validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<SeriesRequest> v) ->
                                !(v.getConstraintDescriptor().getAnnotation() instanceof NotBlank))
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
        for (ConstraintViolation<SeriesRequest> v : found) {
            String field = v.getPropertyPath().toString();
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new InvalidInput.FieldError(field, v.getMessage()));
            }
        }
        if (!mailEnabled
                && request.hostEmail() != null
                && !request.hostEmail().isBlank()
                && errors.stream().noneMatch(e -> e.field().equals("hostEmail"))) {
            errors.add(new InvalidInput.FieldError(
                    "hostEmail", "can not be used: this Carnival sends no e-mail (no SMTP server is configured)"));
        }
        return errors;
    }

    private static void refuseIfAny(List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> FIELDS.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
    }

    private static void apply(Series s, SeriesRequest request) {
        s.title = request.title().trim();
        s.description =
                request.description() == null ? "" : request.description().trim();
        s.hashtag = request.hashtag().startsWith("#") ? request.hashtag().substring(1) : request.hashtag();
        s.homeUrl = request.homeUrl() == null || request.homeUrl().isBlank()
                ? null
                : request.homeUrl().trim();
        s.intakePolicy = request.intakePolicy() == null ? Series.IntakePolicy.REVIEW : request.intakePolicy();
        s.registrationPolicy =
                request.registrationPolicy() == null ? Series.RegistrationPolicy.OPEN : request.registrationPolicy();
        s.autoPublish = Boolean.TRUE.equals(request.autoPublish());
        s.reminderDays = request.reminderDays() == null ? SeriesRequest.DEFAULT_REMINDER_DAYS : request.reminderDays();
        s.hostEmail = request.hostEmail() == null || request.hostEmail().isBlank()
                ? null
                : request.hostEmail().trim();
    }
}
