package app.carnival.hosting;

import app.carnival.response.StoredPostMatching;
import app.carnival.roundup.RoundupCache;
import app.carnival.security.Caller;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.series.SeriesRequest;
import app.carnival.series.SeriesService;
import app.carnival.series.SeriesView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The host runs the series itself: edits its settings (then, when the hashtag changed, the stored
 * posts are matched again, outside the edit's transaction), replaces the host token, deletes it.
 */
@ApplicationScoped
public class SeriesAdmin {

    /** A new host token, shown this once. */
    @Schema(requiredProperties = {"hostToken"})
    public record NewHostToken(String hostToken) {}

    private record Edited(boolean hashtagChanged, List<Long> assignmentsOfSeriesHashtag) {}

    private final SeriesRepository series;
    private final SeriesService service;
    private final AssignmentRepository assignments;
    private final StoredPostMatching matching;
    private final RoundupCache roundups;

    public SeriesAdmin(
            SeriesRepository series,
            SeriesService service,
            AssignmentRepository assignments,
            StoredPostMatching matching,
            RoundupCache roundups) {
        this.series = series;
        this.service = service;
        this.assignments = assignments;
        this.matching = matching;
        this.roundups = roundups;
    }

    /** The series as a request that would recreate it, for its host: what a merge patch applies to. */
    public SeriesRequest current(String slug, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> SeriesService.current(requireHosted(slug, caller)));
    }

    /** Replaces the settings; a new hashtag re-matches the stored posts against the assignments that use it. */
    public SeriesView update(String slug, Caller caller, SeriesRequest request) {
        Edited edited = QuarkusTransaction.requiringNew().call(() -> {
            Series s = requireHosted(slug, caller);
            boolean changed = service.update(s, request);
            // An assignment with a hashtag of its own is not affected.
            return new Edited(
                    changed,
                    changed
                            ? assignments.ofSeries(s).stream()
                                    .filter(a -> a.hashtag == null)
                                    .map(a -> a.id)
                                    .toList()
                            : List.of());
        });
        edited.assignmentsOfSeriesHashtag().forEach(matching::rematchAssignment);
        return QuarkusTransaction.requiringNew().call(() -> service.get(slug));
    }

    public NewHostToken rotateHostToken(String slug, Caller caller) {
        return QuarkusTransaction.requiringNew()
                .call(() -> new NewHostToken(service.rotateHostToken(requireHosted(slug, caller))));
    }

    public void delete(String slug, Caller caller) {
        List<Long> gone = QuarkusTransaction.requiringNew().call(() -> {
            Series s = requireHosted(slug, caller);
            List<Long> ids = assignments.ofSeries(s).stream().map(a -> a.id).toList();
            service.delete(s);
            return ids;
        });
        // Never served again (their ids are gone); this only frees the memory now.
        roundups.forget(gone);
    }

    /** The series, for its host only. Runs in the caller's transaction. */
    private Series requireHosted(String slug, Caller caller) {
        Series s = series.require(slug);
        s.requireHost(caller);
        return s;
    }
}
