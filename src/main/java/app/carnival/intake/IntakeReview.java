package app.carnival.intake;

import app.carnival.hosting.AssignmentPlanning;
import app.carnival.intake.store.Mention;
import app.carnival.response.Response;
import app.carnival.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the intakes found for an assignment, for its host: every candidate with its status and reasons. */
@ApplicationScoped
public class IntakeReview {

    private final AssignmentPlanning planning;

    public IntakeReview(AssignmentPlanning planning) {
        this.planning = planning;
    }

    /** Every candidate of the assignment, newest first (the caller must be its host). */
    public List<MentionStatus> mentions(String slug, String number, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var a = planning.requireHosted(slug, number, caller);
            List<Mention> mentions = Mention.list("assignment = ?1 order by updatedAt desc, id", a);
            List<Long> responseIds = mentions.stream()
                    .map(m -> m.responseId)
                    .filter(id -> id != null)
                    .toList();
            Map<Long, Response> responses = responseIds.isEmpty()
                    ? Map.of()
                    : Response.<Response>list("id in ?1", responseIds).stream()
                            .collect(Collectors.toMap(r -> r.id, Function.identity()));
            return mentions.stream()
                    .map(m -> Webmentions.statusOf(m, m.responseId == null ? null : responses.get(m.responseId)))
                    .toList();
        });
    }
}
