package app.carnival.response;

import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostRepository;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.Judge;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches posts already stored against a new or edited assignment, or against the assignments of a
 * newly enrolled participant: read (short transaction) → decide → fetch the pages of summary-only
 * posts (no transaction) → decide again → record (one short transaction).
 */
@ApplicationScoped
public class StoredPostMatching {

    /** The posts an assignment can have: those of the series' feeds in its window, and those it already has. */
    private static final String POSTS_OF_ASSIGNMENT = """
            SELECT * FROM post WHERE id IN (
                SELECT p.id FROM post p JOIN participant pa ON pa.feed_id = p.feed_id
                WHERE pa.series_id = ?1 AND pa.status = 'APPROVED' AND p.published_at BETWEEN ?2 AND ?3
                UNION
                SELECT r.post_id FROM response r WHERE r.assignment_id = ?4)
            """;

    /** What one run judges: posts, the assignments of one series, and the participant of each feed in it. */
    private record Work(
            List<AssignmentCriteria> assignments, List<Judge.Subject> subjects, Map<Long, Long> participantOfPost) {

        static final Work NONE = new Work(List.of(), List.of(), Map.of());
    }

    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final PostRepository posts;
    private final ResponseRepository responses;
    private final PostPageLinks pages;
    private final ResponseWriter writer;
    private final EntityManager em;
    private final InstantSource clock;

    public StoredPostMatching(
            AssignmentRepository assignments,
            ParticipantRepository participants,
            PostRepository posts,
            ResponseRepository responses,
            PostPageLinks pages,
            ResponseWriter writer,
            EntityManager em,
            InstantSource clock) {
        this.assignments = assignments;
        this.participants = participants;
        this.posts = posts;
        this.responses = responses;
        this.pages = pages;
        this.writer = writer;
        this.em = em;
        this.clock = clock;
    }

    /** After an assignment was created or edited. Must not be called inside a transaction. */
    public void rematchAssignment(long assignmentId) {
        run(QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = assignments.byId(assignmentId);
            Map<Long, Long> participantOfFeed =
                    participants.ofSeries(a.series).stream().collect(Collectors.toMap(p -> p.feed.id, p -> p.id));
            if (participantOfFeed.isEmpty()) {
                return Work.NONE;
            }
            AssignmentCriteria criteria = a.criteria();
            @SuppressWarnings("unchecked")
            List<Post> posts = em.createNativeQuery(POSTS_OF_ASSIGNMENT, Post.class)
                    .setParameter(1, a.series.id)
                    .setParameter(2, a.opensAt)
                    .setParameter(3, criteria.graceEndsAt())
                    .setParameter(4, a.id)
                    .getResultList();
            Set<Long> answered = responses.answeringPostIds(a);
            return work(List.of(criteria), posts, answered, participantOfFeed);
        }));
    }

    /** After a participant enrolled: its feed's stored posts against its series' assignments. Outside any transaction. */
    public void matchParticipant(long participantId) {
        run(QuarkusTransaction.requiringNew().call(() -> {
            Participant p = participants.byId(participantId);
            List<AssignmentCriteria> criteria = assignments.ofSeries(p.series).stream()
                    .map(Assignment::criteria)
                    .toList();
            if (criteria.isEmpty()) {
                return Work.NONE;
            }
            Instant from = criteria.stream()
                    .map(AssignmentCriteria::opensAt)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant to = criteria.stream()
                    .map(AssignmentCriteria::graceEndsAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            // A new participant has no responses: only posts that can match are judged.
            return work(criteria, posts.ofFeedPublishedBetween(p.feed, from, to), Set.of(), Map.of(p.feed.id, p.id));
        }));
    }

    private static Work work(
            List<AssignmentCriteria> criteria,
            List<Post> posts,
            Set<Long> answered,
            Map<Long, Long> participantOfFeed) {
        List<Judge.Subject> subjects = new ArrayList<>();
        Map<Long, Long> participantOfPost = new java.util.HashMap<>();
        for (Post post : posts) {
            Long participant = participantOfFeed.get(post.feed.id);
            if (participant == null) {
                continue;
            }
            subjects.add(new Judge.Subject(post.id, post.facts(), post.pageLinksOrNull(), answered.contains(post.id)));
            participantOfPost.put(post.id, participant);
        }
        return new Work(criteria, subjects, participantOfPost);
    }

    private void run(Work work) {
        if (work.subjects().isEmpty()) {
            return;
        }
        PostPageLinks.Judged judged = pages.judge(work.assignments(), work.subjects());
        List<Judge.Judgement> judgements = judged.judgements();
        Map<Long, List<String>> fetched = judged.pageLinks();
        List<Verdict> verdicts = judgements.stream()
                .map(j -> Verdict.of(
                        j.decision(),
                        j.assignment().rule(),
                        j.key(),
                        work.participantOfPost().get(j.key())))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> {
            writer.savePageLinks(fetched);
            writer.write(verdicts, clock.instant());
        });
    }
}
