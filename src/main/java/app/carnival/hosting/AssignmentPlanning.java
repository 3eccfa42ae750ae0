package app.carnival.hosting;

import app.carnival.errors.InvalidInput;
import app.carnival.response.StoredPostMatching;
import app.carnival.security.Caller;
import app.carnival.security.Tokens;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.AssignmentRequest;
import app.carnival.series.AssignmentService;
import app.carnival.series.AssignmentView;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host plans and edits assignments: the change is committed first, then the series' stored
 * posts are matched against it (which may fetch post pages, so outside the change's transaction),
 * then the assignment is read back as the API shows it.
 */
@ApplicationScoped
public class AssignmentPlanning {

    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final AssignmentService service;
    private final StoredPostMatching matching;
    private final InstantSource clock;

    public AssignmentPlanning(
            SeriesRepository series,
            AssignmentRepository assignments,
            AssignmentService service,
            StoredPostMatching matching,
            InstantSource clock) {
        this.series = series;
        this.assignments = assignments;
        this.service = service;
        this.matching = matching;
        this.clock = clock;
    }

    public AssignmentView create(String slug, Caller caller, AssignmentRequest request) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            s.requireHost(caller);
            return service.create(s, request).id;
        });
        return matchAndShow(id);
    }

    /** The series host changes anything; a guest host the topic, questions, intro and window (403 otherwise). */
    public AssignmentView replace(String slug, String number, Caller caller, AssignmentRequest request) {
        return edit(slug, number, caller, a -> {
            if (a.isGuestHost(caller)) {
                GuestHostLimits.check(a, request);
            }
            service.replace(a, request);
        });
    }

    /**
     * A new guest host token for the assignment (series host only), shown this once; it replaces any
     * earlier one, which answers 403 from then on.
     */
    public String issueGuestToken(String slug, String number, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Series s = series.require(slug);
            s.requireHost(caller);
            Assignment a = assignments.require(s, number);
            if (a.guestHostName == null) {
                throw new InvalidInput("guestHost", "name the assignment's guest host first (edit the assignment)");
            }
            String token = Tokens.newToken();
            a.guestTokenHash = Tokens.hash(token);
            return token;
        });
    }

    /** The assignment as a request that would recreate it, for its host: what a merge patch applies to. */
    public AssignmentRequest current(String slug, String number, Caller caller) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AssignmentService.current(requireHosted(slug, number, caller)));
    }

    public List<AssignmentView> list(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> assignments.ofSeries(series.require(slug)).stream()
                        .map(a -> AssignmentView.of(a, clock.instant()))
                        .toList());
    }

    public AssignmentView get(String slug, String number) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AssignmentView.of(assignments.require(slug, number), clock.instant()));
    }

    /** The assignment, for its series' host or its guest host only. Runs in the caller's transaction. */
    public Assignment requireHosted(String slug, String number, Caller caller) {
        Assignment a = assignments.require(slug, number);
        a.requireHostOrGuest(caller);
        return a;
    }

    private AssignmentView edit(String slug, String number, Caller caller, Consumer<Assignment> change) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = requireHosted(slug, number, caller);
            change.accept(a);
            return a.id;
        });
        return matchAndShow(id);
    }

    private AssignmentView matchAndShow(long assignmentId) {
        matching.rematchAssignment(assignmentId);
        return QuarkusTransaction.requiringNew()
                .call(() -> AssignmentView.of(assignments.byId(assignmentId), clock.instant()));
    }
}
