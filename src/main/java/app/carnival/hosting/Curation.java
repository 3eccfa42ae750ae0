package app.carnival.hosting;

import app.carnival.content.PostPage;
import app.carnival.errors.Conflict;
import app.carnival.errors.InvalidInput;
import app.carnival.errors.NotFound;
import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostRepository;
import app.carnival.feed.store.PostStore;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchDecision;
import app.carnival.matching.MatchedBy;
import app.carnival.matching.Matcher;
import app.carnival.matching.NearMisses;
import app.carnival.metrics.CarnivalMetrics;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.response.Response;
import app.carnival.response.ResponseRepository;
import app.carnival.roundup.NearMiss;
import app.carnival.roundup.RoundupView;
import app.carnival.roundup.Roundups;
import app.carnival.security.Caller;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The host's curation of a round-up: hide and restore responses, add a post by hand (by URL or from
 * the near-misses). Each action checks the host token, and follows fetch → decide → record: a post
 * page is fetched outside any transaction, each step runs in a short transaction of its own.
 */
@ApplicationScoped
public class Curation {

    private final CarnivalMetrics metrics;

    private final AssignmentPlanning planning;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final PostRepository postRepository;
    private final ResponseRepository responses;
    private final Roundups roundups;
    private final HttpFetcher fetcher;
    private final PostStore posts;
    private final InstantSource clock;

    public Curation(
            AssignmentPlanning planning,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            PostRepository postRepository,
            ResponseRepository responses,
            Roundups roundups,
            HttpFetcher fetcher,
            PostStore posts,
            InstantSource clock,
            CarnivalMetrics metrics) {
        this.metrics = metrics;
        this.planning = planning;
        this.assignments = assignments;
        this.participants = participants;
        this.postRepository = postRepository;
        this.responses = responses;
        this.roundups = roundups;
        this.fetcher = fetcher;
        this.posts = posts;
        this.clock = clock;
    }

    /** Every response, hidden ones included, in publication order. */
    public List<RoundupView.Entry> responses(String slug, String number, Caller caller) {
        return QuarkusTransaction.requiringNew()
                .call(() -> roundups.forHost(planning.requireHosted(slug, number, caller)));
    }

    /** Near-misses of the assignment, for its host (see {@link #nearMisses(Assignment)}). */
    public List<NearMiss> nearMisses(String slug, String number, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> nearMisses(planning.requireHosted(slug, number, caller)));
    }

    /**
     * Hides a response (for one found by an intake: rejects it, for good), or restores or approves it:
     * AUTO, or MANUAL when the host had added it.
     */
    public RoundupView.Entry setState(
            String slug, String number, Caller caller, String responseId, Response.State target) {
        if (target == Response.State.PENDING) {
            throw new InvalidInput("state", "must be AUTO (approve or restore) or HIDDEN (hide or reject)");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = planning.requireHosted(slug, number, caller);
            Response r = response(a, responseId);
            r.state = target == Response.State.HIDDEN
                    ? Response.State.HIDDEN
                    : r.addedByHost ? Response.State.MANUAL : Response.State.AUTO;
            return Roundups.entry(r, ZoneId.of(a.timezone));
        });
    }

    /**
     * Adds a post as a MANUAL response: a post already stored for a participant of the series is
     * reused; otherwise its page is fetched and stored in the feed of the participant it belongs to.
     */
    /** The assignment a post is being added to, and the response when the post was stored already (else null). */
    private record Attached(long assignmentId, RoundupView.Entry entry) {}

    public RoundupView.Entry add(String slug, String number, Caller caller, AddResponseRequest request) {
        Attached stored = QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = planning.requireHosted(slug, number, caller);
            if ((request.url() == null || request.url().isBlank()) == (request.postId() == null)) {
                throw new InvalidInput("url", "give either the post's url or the postId of a stored post");
            }
            Optional<Post> post = request.postId() != null
                    ? Optional.of(postOfSeries(a.series, request.postId()))
                    : storedPost(a.series, request.url().trim());
            return new Attached(
                    a.id,
                    post.map(p -> attach(a, p, participantOfFeed(a.series, p))).orElse(null));
        });
        if (stored.entry() != null) {
            return stored.entry();
        }
        long assignmentId = stored.assignmentId();
        PostPage page = fetch(request.url().trim());
        return QuarkusTransaction.requiringNew().call(() -> {
            Assignment a = assignments.byId(assignmentId);
            Optional<Post> known = storedPost(a.series, page.url());
            if (known.isPresent()) {
                return attach(a, known.get(), participantOfFeed(a.series, known.get()));
            }
            Participant owner = request.participantId() != null
                    ? participantOfSeries(a.series, request.participantId())
                    : ownerByHost(a.series, List.of(page.url(), request.url().trim()));
            posts.upsert(owner.feed, List.of(page.asEntry()), clock.instant());
            Post post = postRepository.atUrlInFeed(owner.feed, page.url()).orElseThrow();
            return attach(a, post, owner);
        });
    }

    /** Posts in the window with only one kind of evidence and no response yet, in publication order (the caller checked the host). */
    public List<NearMiss> nearMisses(Assignment a) {
        AssignmentCriteria criteria = a.criteria();
        Map<Long, Participant> byFeed =
                participants.ofSeries(a.series).stream().collect(Collectors.toMap(p -> p.feed.id, Function.identity()));
        if (byFeed.isEmpty()) {
            return List.of();
        }
        Set<Long> answered = responses.answeringPostIds(a);
        List<Post> candidates =
                postRepository.ofFeedsPublishedBetween(byFeed.keySet(), a.opensAt, criteria.graceEndsAt());
        ZoneId zone = ZoneId.of(a.timezone);
        List<NearMiss> found = new ArrayList<>();
        for (Post post : candidates) {
            if (answered.contains(post.id)) {
                continue;
            }
            var facts = post.facts();
            MatchDecision d = Matcher.decide(criteria, facts, post.pageLinksOrNull());
            if (NearMisses.isNearMiss(criteria, facts, d)) {
                Participant p = byFeed.get(post.feed.id);
                found.add(new NearMiss(
                        post.id,
                        p.id,
                        p.name,
                        post.title,
                        post.url,
                        post.publishedAt.atZone(zone).toOffsetDateTime(),
                        List.of(d.byLink() ? MatchedBy.LINK : MatchedBy.TAG),
                        NearMisses.evidence(criteria, d),
                        d.reason()));
            }
        }
        return found;
    }

    private PostPage fetch(String url) {
        FetchResult page;
        try {
            page = fetcher.fetchPage(url);
        } catch (FetchException e) {
            throw new InvalidInput("url", "could not be fetched: " + e.getMessage());
        }
        if (!page.ok()) {
            throw new InvalidInput("url", "answered HTTP " + page.status() + "; check the address");
        }
        return PostPage.read(HtmlPages.parse(page));
    }

    private RoundupView.Entry attach(Assignment a, Post post, Participant participant) {
        Response existing = responses.find(a, post).orElse(null);
        if (existing != null) {
            throw new Conflict(
                    existing.state == Response.State.HIDDEN
                            ? "This post is in the round-up but hidden (response " + existing.id
                                    + "); restore it instead."
                            : "This post is already in the round-up (response " + existing.id + ").");
        }
        MatchDecision d = Matcher.decide(a.criteria(), post.facts(), post.pageLinksOrNull());
        Response r = new Response();
        r.assignment = a;
        r.post = post;
        r.participant = participant;
        // The evidence found is kept, even evidence the rule alone did not accept.
        r.byLink = d.byLink();
        r.byTag = d.byTag();
        r.late = post.publishedAt.isAfter(a.closesAt);
        r.state = Response.State.MANUAL;
        r.addedByHost = true;
        r.source = Response.Source.HOST;
        r.matchedAt = clock.instant();
        r.persist();
        metrics.responsesRecorded("host", 1);
        return Roundups.entry(r, ZoneId.of(a.timezone));
    }

    private Response response(Assignment a, String id) {
        return responses
                .find(a, id)
                .orElseThrow(() -> new NotFound("Assignment " + a.number + " has no response with id '" + id + "'."));
    }

    private Optional<Post> storedPost(Series series, String url) {
        return postRepository.atUrlInSeries(series, url);
    }

    private Post postOfSeries(Series series, long postId) {
        return postRepository
                .inSeries(series, postId)
                .orElseThrow(
                        () -> new NotFound("No post " + postId + " among the posts of series '" + series.slug + "'."));
    }

    private Participant participantOfFeed(Series series, Post post) {
        return takingPart(participants.inSeries(series, post.feed).orElseThrow());
    }

    private Participant participantOfSeries(Series series, long id) {
        Participant p = participants.byId(id);
        if (p == null || !p.series.id.equals(series.id)) {
            throw new InvalidInput("participantId", "no participant " + id + " in series '" + series.slug + "'");
        }
        return takingPart(p);
    }

    /** A registration waiting for the host's approval has no responses yet. */
    private static Participant takingPart(Participant p) {
        if (p.pending()) {
            throw new Conflict(
                    "The registration of " + p.name + " waits for your approval: approve it on the host page first.");
        }
        return p;
    }

    private Participant ownerByHost(Series series, List<String> postUrls) {
        return participants
                .ownerOf(series, postUrls)
                .orElseThrow(() -> new InvalidInput(
                        "participantId",
                        "no participant of series '" + series.slug
                                + "' has a blog at the post's address; choose whose post it is"));
    }
}
