package app.carnival.series;

import app.carnival.response.ResponseRecorder;
import app.carnival.matching.MatchRule;
import app.carnival.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Creates and edits assignments. Every change re-runs matching over the series' stored posts, so a
 * new assignment picks up posts already seen and an edited window or rule takes effect at once.
 */
@ApplicationScoped
public class AssignmentService {

    private final ResponseRecorder recorder;
    private final ObjectMapper json;
    private final Validator validator;

    public AssignmentService(ResponseRecorder recorder, ObjectMapper json, Validator validator) {
        this.recorder = recorder;
        this.json = json;
        this.validator = validator;
    }

    public Assignment create(Series series, AssignmentRequest request) {
        Assignment a = new Assignment();
        a.series = series;
        int number = request.number() != null ? request.number() : nextNumber(series);
        apply(a, request, number);
        a.persist();
        recorder.rematch(a);
        return a;
    }

    public void replace(Assignment a, AssignmentRequest request) {
        apply(a, request, request.number() != null ? request.number() : a.number);
        recorder.rematch(a);
    }

    /** JSON merge patch: fields present in the body replace the current ones, then the whole is validated. */
    public void patch(Assignment a, ObjectNode changes) throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(current(a));
        merged.setAll(changes);
        AssignmentRequest request = json.treeToValue(merged, AssignmentRequest.class);
        Set<ConstraintViolation<AssignmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        replace(a, request);
    }

    private void apply(Assignment a, AssignmentRequest r, int number) {
        if (!r.closesAt().isAfter(r.opensAt())) {
            throw Problems.invalidField("closesAt", "must be after opensAt");
        }
        String zone = r.timezone() == null || r.timezone().isBlank() ? "UTC" : r.timezone().trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw Problems.invalidField("timezone", "unknown time zone '" + zone + "' (use an IANA name such as Europe/Paris)");
        }
        if (number != a.number && Assignment.find(a.series, number).isPresent()) {
            throw Problems.conflict("Series '" + a.series.slug + "' already has assignment number " + number + ".");
        }
        a.number = number;
        a.title = r.title().trim();
        a.invitationUrl = r.invitationUrl().trim();
        a.aliasUrls.clear();
        a.aliasUrls.addAll(Objects.requireNonNullElse(r.aliasUrls(), List.<String>of()).stream().map(String::trim).toList());
        a.questions.clear();
        a.questions.addAll(Objects.requireNonNullElse(r.questions(), List.<String>of()).stream().map(String::trim).toList());
        a.opensAt = r.opensAt().toInstant();
        a.closesAt = r.closesAt().toInstant();
        a.timezone = zone;
        a.graceMinutes = Objects.requireNonNullElse(r.graceMinutes(), 0);
        a.matchRule = Objects.requireNonNullElse(r.matchRule(), MatchRule.LINK_OR_TAG);
        a.hashtag = r.hashtag() == null || r.hashtag().isBlank() ? null
                : r.hashtag().startsWith("#") ? r.hashtag().substring(1) : r.hashtag();
        a.roundupIntro = r.roundupIntro() == null ? "" : r.roundupIntro();
    }

    private static AssignmentRequest current(Assignment a) {
        ZoneId zone = ZoneId.of(a.timezone);
        return new AssignmentRequest(a.number, a.title, a.invitationUrl, List.copyOf(a.aliasUrls), List.copyOf(a.questions),
                a.opensAt.atZone(zone).toOffsetDateTime(), a.closesAt.atZone(zone).toOffsetDateTime(), a.timezone,
                a.graceMinutes, a.matchRule, a.hashtag, a.roundupIntro);
    }

    private static int nextNumber(Series series) {
        Integer max = Assignment.getEntityManager()
                .createQuery("select max(a.number) from Assignment a where a.series = ?1", Integer.class)
                .setParameter(1, series).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
