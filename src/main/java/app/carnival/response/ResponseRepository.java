package app.carnival.response;

import app.carnival.feed.store.Post;
import app.carnival.participant.Participant;
import app.carnival.series.Assignment;
import app.carnival.series.Series;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Data access for responses. */
@ApplicationScoped
public class ResponseRepository {

    /** The responses of these posts, to any assignment, with their assignment and post loaded. */
    public List<Response> ofPosts(Collection<Post> posts) {
        return posts.isEmpty()
                ? List.of()
                : Response.list("from Response r join fetch r.assignment join fetch r.post where r.post in ?1", posts);
    }

    public Optional<Response> find(Assignment assignment, Post post) {
        return Response.find("assignment = ?1 and post = ?2", assignment, post).firstResultOptional();
    }

    /** The assignment's response with this id (as given in a URL), if any. */
    public Optional<Response> find(Assignment assignment, String id) {
        try {
            return Response.find("id = ?1 and assignment = ?2", Long.parseLong(id), assignment)
                    .firstResultOptional();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ids of the assignment's responses from blogs an intake discovered (participants nobody registered). */
    public Set<Long> fromDiscoveredBlogs(Assignment assignment) {
        return Set.copyOf(Response.getEntityManager()
                .createQuery(
                        "select r.id from Response r where r.assignment = ?1 and r.participant.origin = ?2", Long.class)
                .setParameter(1, assignment)
                .setParameter(2, Participant.Origin.DISCOVERED)
                .getResultList());
    }

    /** How many responses wait for the host's approval in each assignment of the series, by number (none: absent). */
    public Map<Integer, Long> pendingPerAssignment(Series series) {
        return countPerAssignment(series, List.of(Response.State.PENDING));
    }

    /** Responses readers see, per assignment number (assignments without any are absent). */
    public Map<Integer, Long> visiblePerAssignment(Series series) {
        return countPerAssignment(series, List.of(Response.State.AUTO, Response.State.MANUAL));
    }

    private Map<Integer, Long> countPerAssignment(Series series, List<Response.State> states) {
        return Response.getEntityManager()
                .createQuery(
                        "select r.assignment.number, count(r) from Response r where r.assignment.series = ?1"
                                + " and r.state in ?2 group by r.assignment.number",
                        Object[].class)
                .setParameter(1, series)
                .setParameter(2, states)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(row -> (Integer) row[0], row -> (Long) row[1]));
    }

    /** Ids of the posts that already answer the assignment, whatever their state. */
    public Set<Long> answeringPostIds(Assignment assignment) {
        return Set.copyOf(Response.getEntityManager()
                .createQuery("select r.post.id from Response r where r.assignment = ?1", Long.class)
                .setParameter(1, assignment)
                .getResultList());
    }

    /** Whether one of the participant's responses is in a round-up (AUTO or MANUAL). */
    public boolean anyVisible(Participant participant) {
        return Response.count(
                        "participant = ?1 and state in ?2",
                        participant,
                        List.of(Response.State.AUTO, Response.State.MANUAL))
                > 0;
    }
}
