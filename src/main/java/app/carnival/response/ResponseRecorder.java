package app.carnival.response;

import app.carnival.feed.store.Post;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import app.carnival.participant.Participant;
import app.carnival.series.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import app.carnival.content.ArticleLinks;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchDecision;
import app.carnival.matching.MatchedBy;
import app.carnival.matching.Matcher;
import app.carnival.matching.PostFacts;

/**
 * Applies the matching rules to stored posts and keeps the response table in step: a post that
 * matches gets one AUTO response per assignment, one that stops matching loses it, and the host's
 * curation (HIDDEN, MANUAL) is never overridden. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class ResponseRecorder {

    private static final Logger LOG = Logger.getLogger(ResponseRecorder.class);

    private final HttpFetcher fetcher;
    private final InstantSource clock;

    public ResponseRecorder(HttpFetcher fetcher, InstantSource clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** Matches the posts of the participants' shared feed against the given assignments; returns new responses. */
    public int record(Collection<Participant> participants, List<Post> posts, Map<Long, List<Assignment>> assignmentsBySeries) {
        if (posts.isEmpty() || participants.isEmpty()) {
            return 0;
        }
        Map<String, Response> existing = new HashMap<>();
        for (Response r : Response.<Response>list("post in ?1", posts)) {
            existing.put(key(r.assignment.id, r.post.id), r);
        }
        // One criteria record per assignment for the whole call, not one per post and assignment.
        Map<Long, AssignmentCriteria> criteria = new HashMap<>();
        assignmentsBySeries.values().forEach(list -> list.forEach(a -> criteria.put(a.id, a.criteria())));
        int created = 0;
        for (Participant participant : participants) {
            List<Assignment> assignments = assignmentsBySeries.getOrDefault(participant.series.id, List.of());
            for (Post post : posts) {
                if (post.feed.id.equals(participant.feed.id)) {
                    created += recordPost(participant, post, assignments, criteria, existing);
                }
            }
        }
        return created;
    }

    /** Re-matches the series' stored posts against one assignment after it was created or edited. */
    public void rematch(Assignment assignment) {
        List<Participant> participants = Participant.ofSeries(assignment.series);
        if (participants.isEmpty()) {
            return;
        }
        List<Post> posts = Post.list(
                "(feed in (select p.feed from Participant p where p.series = ?1) and publishedAt between ?2 and ?3)"
                        + " or id in (select r.post.id from Response r where r.assignment = ?4)",
                assignment.series, assignment.opensAt, assignment.criteria().graceEndsAt(), assignment);
        record(participants, posts, Map.of(assignment.series.id, List.of(assignment)));
    }

    /** Matches the posts already stored for a newly enrolled participant's feed. */
    public void matchExisting(Participant participant) {
        List<Post> posts = Post.list("feed", participant.feed);
        record(List.of(participant), posts, Map.of(participant.series.id, Assignment.ofSeries(participant.series)));
    }

    private int recordPost(Participant participant, Post post, List<Assignment> assignments,
                           Map<Long, AssignmentCriteria> criteria, Map<String, Response> existing) {
        PostFacts facts = post.facts();
        int created = 0;
        for (Assignment assignment : assignments) {
            AssignmentCriteria rules = criteria.get(assignment.id);
            Response response = existing.get(key(assignment.id, post.id));
            if (response == null && outsideWindow(post, rules)) {
                continue; // cannot match and there is nothing to undo: skip the link and tag work
            }
            MatchDecision decision = Matcher.decide(rules, facts, post.pageLinksOrNull());
            if (decision.wantsPage() && post.pageLinks == null) {
                post.pageLinks = pageLinks(post.url).toArray(String[]::new);
                decision = Matcher.decide(rules, facts, post.pageLinksOrNull());
            }
            if (decision.matched()) {
                boolean isNew = response == null;
                if (isNew) {
                    response = new Response();
                    response.assignment = assignment;
                    response.post = post;
                    response.participant = participant;
                    response.state = Response.State.AUTO;
                    response.matchedAt = clock.instant();
                }
                // Only evidence the rule counts is reported: a TAG_ONLY match is "by tag" even if it links back.
                List<String> by = MatchedBy.of(decision, assignment.matchRule);
                response.byLink = by.contains("LINK");
                response.byTag = by.contains("TAG");
                response.late = decision.late();
                if (isNew) {
                    response.persist();
                    existing.put(key(assignment.id, post.id), response);
                    created++;
                }
            } else if (response != null && response.state == Response.State.AUTO) {
                // The post was edited (or the assignment changed) and no longer qualifies.
                response.delete();
                existing.remove(key(assignment.id, post.id));
            }
        }
        return created;
    }

    private static boolean outsideWindow(Post post, AssignmentCriteria a) {
        return post.publishedAt.isBefore(a.opensAt()) || post.publishedAt.isAfter(a.graceEndsAt());
    }

    /** Links in the main content of the post's own page; empty when it cannot be fetched (it is fetched once). */
    private List<String> pageLinks(String url) {
        if (url == null) {
            return List.of();
        }
        try {
            FetchResult page = fetcher.fetchPage(url);
            if (!page.ok()) {
                return List.of();
            }
            return ArticleLinks.mainContentLinks(HtmlPages.parse(page).outerHtml(), page.finalUrl());
        } catch (FetchException e) {
            LOG.debugf("Post page %s could not be fetched: %s", url, e.getMessage());
            return List.of();
        }
    }

    private static String key(long assignmentId, long postId) {
        return assignmentId + ":" + postId;
    }
}
