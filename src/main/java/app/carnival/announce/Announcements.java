package app.carnival.announce;

import app.carnival.announce.store.AnnouncementQueue;
import app.carnival.hosting.AssignmentPlanning;
import app.carnival.security.Caller;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the host reads about publishing and the Webmentions of one assignment. */
@ApplicationScoped
public class Announcements {

    /**
     * Whether the round-up is published, and its Webmentions.
     *
     * @param publishedAt absent while it is not published
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = {"number", "published", "announcements"})
    public record Publication(
            int number, boolean published, Instant publishedAt, List<AnnouncementView> announcements) {}

    private final AssignmentPlanning planning;
    private final AssignmentRepository assignments;
    private final AnnouncementQueue queue;

    public Announcements(AssignmentPlanning planning, AssignmentRepository assignments, AnnouncementQueue queue) {
        this.planning = planning;
        this.assignments = assignments;
        this.queue = queue;
    }

    /** For the assignment's host or guest host. */
    public Publication list(String slug, String number, Caller caller) {
        long id = QuarkusTransaction.requiringNew().call(() -> planning.requireHosted(slug, number, caller).id);
        return publication(id);
    }

    Publication publication(long assignmentId) {
        Assignment a = QuarkusTransaction.requiringNew().call(() -> assignments.byId(assignmentId));
        return of(a);
    }

    /** The assignment's publication (the caller checked who asks). */
    public Publication of(Assignment a) {
        ZoneId zone = ZoneId.of(a.timezone);
        return new Publication(
                a.number,
                a.roundupPublishedAt != null,
                a.roundupPublishedAt,
                queue.ofAssignment(a.id).stream()
                        .map(r -> AnnouncementView.of(r, zone))
                        .toList());
    }

    /** The Webmention of each response that has one, by response id. */
    public static Map<Long, AnnouncementView> byResponse(Publication p) {
        return p.announcements().stream()
                .filter(v -> v.responseId() != null)
                .collect(Collectors.toMap(AnnouncementView::responseId, Function.identity(), (x, y) -> x));
    }
}
