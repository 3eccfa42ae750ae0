package app.carnival.registration;

import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostRepository;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchDecision;
import app.carnival.matching.MatchedBy;
import app.carnival.matching.Matcher;
import app.carnival.matching.PostFacts;
import app.carnival.participant.Participant;
import app.carnival.response.Response;
import app.carnival.response.ResponseRepository;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why each of a participant's recent posts is or is not a response, per assignment. Recomputed from
 * the stored post with the same rules the poller applies, so the explanation cannot drift from the decision.
 */
@ApplicationScoped
public class Explanations {

    private final PostRepository postRepository;
    private final AssignmentRepository assignmentRepository;
    private final ResponseRepository responseRepository;

    public Explanations(
            PostRepository postRepository,
            AssignmentRepository assignmentRepository,
            ResponseRepository responseRepository) {
        this.postRepository = postRepository;
        this.assignmentRepository = assignmentRepository;
        this.responseRepository = responseRepository;
    }

    public List<ParticipantDetail.PostExplanation> of(Participant participant, int limit) {
        List<Post> posts = postRepository.recentOfFeed(participant.feed, limit);
        if (posts.isEmpty()) {
            return List.of();
        }
        List<Assignment> assignments = assignmentRepository.ofSeries(participant.series);
        // Built once per assignment, not per post: criteria carry the normalized invitation and compiled hashtag.
        Map<Long, AssignmentCriteria> criteria =
                assignments.stream().collect(Collectors.toMap(a -> a.id, Assignment::criteria));
        Map<String, Response> responses = new HashMap<>();
        for (Response r : responseRepository.ofPosts(posts)) {
            responses.put(r.assignment.id + ":" + r.post.id, r);
        }
        return posts.stream()
                .map(post -> {
                    PostFacts facts = post.facts();
                    List<ParticipantDetail.Verdict> verdicts = assignments.stream()
                            .map(a -> {
                                Response r = responses.get(a.id + ":" + post.id);
                                if (r != null && r.state == Response.State.MANUAL) {
                                    return new ParticipantDetail.Verdict(
                                            a.number,
                                            true,
                                            MatchedBy.of(r.byLink, r.byTag),
                                            r.late,
                                            "added by the host",
                                            r.state);
                                }
                                if (r != null && r.source.intake()) {
                                    // Decided on the post's page, which the feed entry may not show: the intake's
                                    // reasons stand.
                                    return new ParticipantDetail.Verdict(
                                            a.number,
                                            true,
                                            MatchedBy.of(r.byLink, r.byTag),
                                            r.late,
                                            r.reason + curated(r.state),
                                            r.state);
                                }
                                MatchDecision d = Matcher.decide(criteria.get(a.id), facts, post.pageLinksOrNull());
                                String reason = r == null ? d.reason() : d.reason() + curated(r.state);
                                return new ParticipantDetail.Verdict(
                                        a.number,
                                        d.matched(),
                                        MatchedBy.counted(d, a.matchRule),
                                        d.late(),
                                        reason,
                                        r == null ? null : r.state);
                            })
                            .toList();
                    return new ParticipantDetail.PostExplanation(post.title, post.url, post.publishedAt, verdicts);
                })
                .toList();
    }

    private static String curated(Response.State state) {
        switch (state) {
            case HIDDEN:
                return "; hidden by the host";
            case PENDING:
                return "; waiting for the host's approval";
            default:
                return "";
        }
    }
}
