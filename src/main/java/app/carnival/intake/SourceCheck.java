package app.carnival.intake;

import app.carnival.content.EntryContent;
import app.carnival.content.FeedDiscovery;
import app.carnival.content.PostPage;
import app.carnival.feed.parse.ParsedEntry;
import app.carnival.feed.store.Post;
import app.carnival.feed.store.PostRepository;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchDecision;
import app.carnival.matching.PostFacts;
import app.carnival.matching.SourceRule;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRepository;
import app.carnival.registration.FeedLocator;
import app.carnival.response.ResponseRepository;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.url.UrlNormalizer;
import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Verifies one source page named by an intake, in the pipeline's order: fetch the page (guarded
 * fetcher, no transaction) → read who may own it (short read) → discover the blog's feed when
 * nobody does (network again) → decide with the source rule. Records nothing: that is
 * {@link MentionRecorder}'s one short transaction.
 */
@ApplicationScoped
public class SourceCheck {

    /** Feed addresses tried for an unknown blog: the announced ones come first, so few are needed. */
    private static final int FEED_TRIES = 3;

    private final HttpFetcher fetcher;
    private final FeedLocator feeds;
    private final AssignmentRepository assignments;
    private final ParticipantRepository participants;
    private final PostRepository posts;
    private final ResponseRepository responses;
    private final Targets targets;

    public SourceCheck(
            HttpFetcher fetcher,
            FeedLocator feeds,
            AssignmentRepository assignments,
            ParticipantRepository participants,
            PostRepository posts,
            ResponseRepository responses,
            Targets targets) {
        this.responses = responses;
        this.fetcher = fetcher;
        this.feeds = feeds;
        this.assignments = assignments;
        this.participants = participants;
        this.posts = posts;
        this.targets = targets;
    }

    /**
     * @param foundBy how the source was found, in words ("Webmention", "pingback on the invitation")
     */
    public SourceVerdict check(long assignmentId, String sourceUrl, String foundBy) {
        Document page;
        try {
            FetchResult fetched = fetcher.fetchPage(sourceUrl);
            if (fetched.status() == 404 || fetched.status() == 410) {
                return new SourceVerdict.Rejected(
                        SourceVerdict.Why.SOURCE_MISSING, "the source answers " + fetched.statusLine());
            }
            if (fetched.status() >= 500 || fetched.status() == 429 || fetched.status() == 408) {
                return new SourceVerdict.Unreachable("the source answers " + fetched.statusLine());
            }
            if (!fetched.ok()) {
                return new SourceVerdict.Rejected(
                        SourceVerdict.Why.SOURCE_MISSING, "the source answers " + fetched.statusLine());
            }
            if (!FeedDiscovery.looksLikeHtml(fetched.contentType(), fetched.body())) {
                return new SourceVerdict.Rejected(SourceVerdict.Why.SOURCE_MISSING, "the source is not a web page");
            }
            page = HtmlPages.parse(fetched);
        } catch (FetchException e) {
            return e.kind().mayPassLater()
                    ? new SourceVerdict.Unreachable("the source could not be fetched: " + e.getMessage())
                    : new SourceVerdict.Rejected(
                            SourceVerdict.Why.SOURCE_MISSING, "the source could not be fetched: " + e.getMessage());
        }
        PostPage post = PostPage.read(page);
        if (post.looksLikeHomeOrListing()) {
            return new SourceVerdict.Rejected(
                    SourceVerdict.Why.NOT_A_RESPONSE,
                    "the source is a blog's home page or a list of posts, not one post");
        }
        Context known =
                QuarkusTransaction.requiringNew().call(() -> context(assignmentId, post, page.location(), sourceUrl));
        if (known == null) {
            return new SourceVerdict.Rejected(SourceVerdict.Why.NOT_A_RESPONSE, "the assignment no longer exists");
        }
        EntryContent content = EntryContent.of(post.contentHtml(), post.url());
        PostFacts facts = new PostFacts(
                post.url(),
                post.title(),
                content.text(),
                content.links(),
                post.tags(),
                post.published() != null ? post.published() : known.storedDate(),
                false);
        // Decided before any feed is looked for: most rejected sources cost one fetch.
        MatchDecision d =
                SourceRule.decide(known.criteria(), facts, known.criteria().opensAt());
        if (!d.matched()) {
            return new SourceVerdict.Rejected(
                    d.byLink() ? SourceVerdict.Why.NOT_A_RESPONSE : SourceVerdict.Why.NO_LINK, d.reason());
        }
        SourceVerdict.Owner owner;
        ParsedEntry fromFeed = null;
        // Dated and named by its page, its feed announced: nothing more to learn from the feed. The
        // poller reads that feed soon and reports on it like any participant's.
        Optional<SourceVerdict.Discovered> announced =
                known.participantId() == null && facts.published() != null ? announcedAndNamed(page) : Optional.empty();
        if (known.participantId() != null) {
            owner = new SourceVerdict.Known(known.participantId(), known.trusted());
        } else if (announced.isPresent()) {
            owner = announced.get();
        } else {
            Optional<FeedLocator.Located> located = feeds.ofPostPage(page, FEED_TRIES);
            if (located.isEmpty()) {
                return new SourceVerdict.Rejected(
                        SourceVerdict.Why.NOT_A_RESPONSE,
                        "no feed found for the blog of " + post.url() + ", so it cannot be followed as a participant");
            }
            FeedLocator.Located feed = located.get();
            owner = discovered(feed, post.url());
            fromFeed = entryAt(feed.feed().entries(), post.url());
        }
        Instant published = facts.published();
        String title = post.title();
        if (fromFeed != null) {
            title = title.isBlank() ? fromFeed.title() : title;
            if (published == null && fromFeed.published() != null) {
                published = fromFeed.published();
                d = SourceRule.decide(
                        known.criteria(),
                        new PostFacts(
                                facts.url(), title, facts.text(), facts.links(), facts.categories(), published, false),
                        null);
                if (!d.matched()) {
                    return new SourceVerdict.Rejected(
                            SourceVerdict.Why.NOT_A_RESPONSE, d.reason() + " (date from the blog's feed)");
                }
            }
        }
        boolean dateKnown = published != null;
        String reason = String.join(
                "; ",
                foundBy,
                SourceRule.evidence(known.criteria(), d),
                dateKnown ? SourceRule.window(d) : "publication date unknown");
        ParsedEntry entry = new ParsedEntry(
                post.url(),
                post.url(),
                title,
                post.author() != null || fromFeed == null ? post.author() : fromFeed.author(),
                published,
                null,
                post.tags(),
                post.contentHtml(),
                false,
                post.url());
        return new SourceVerdict.Verified(entry, d, owner, dateKnown, reason);
    }

    /** What the database knows: the assignment's criteria, the participant owning the post, its stored date. */
    private record Context(AssignmentCriteria criteria, Long participantId, boolean trusted, Instant storedDate) {}

    private Context context(long assignmentId, PostPage post, String fetchedFrom, String sourceUrl) {
        Assignment a = assignments.byId(assignmentId);
        if (a == null) {
            return null;
        }
        AssignmentCriteria criteria = a.criteriaAlsoLinking(targets.pageOf(a));
        Optional<Participant> owner = participants.ownerOf(a.series, List.of(post.url(), fetchedFrom, sourceUrl));
        Instant stored = owner.flatMap(p -> posts.atUrlInFeed(p.feed, post.url()))
                .map((Post p) -> p.publishedAt)
                .orElse(null);
        boolean trusted = owner.map(p -> p.origin == Participant.Origin.REGISTERED || responses.anyVisible(p))
                .orElse(false);
        return new Context(criteria, owner.map(p -> p.id).orElse(null), trusted, stored);
    }

    private static SourceVerdict.Discovered discovered(FeedLocator.Located feed, String postUrl) {
        String blog = Objects.requireNonNullElseGet(feed.feed().siteUrl(), () -> siteRoot(postUrl));
        String title = feed.feed().title();
        return new SourceVerdict.Discovered(
                feed.feedUrl(), nameOr(title == null || title.isBlank() ? null : title.strip(), blog), blog);
    }

    /** The blog as its page announces and names it (feed, name, address), if it does both. */
    private static Optional<SourceVerdict.Discovered> announcedAndNamed(Document page) {
        List<String> feeds = FeedDiscovery.announcedBlogFeeds(page);
        String name = feeds.isEmpty() ? null : FeedDiscovery.siteName(page, feeds.get(0));
        return name == null
                ? Optional.empty()
                : Optional.of(new SourceVerdict.Discovered(feeds.get(0), name, FeedDiscovery.blogOfFeed(feeds.get(0))));
    }

    /** The name found, else the blog's host. */
    private static String nameOr(String name, String blogUrl) {
        return name != null ? name : WebUrl.tryParse(blogUrl).map(WebUrl::host).orElse(blogUrl);
    }

    private static String siteRoot(String postUrl) {
        return Objects.requireNonNullElse(Urls.resolve(postUrl, "/"), postUrl);
    }

    private static ParsedEntry entryAt(List<ParsedEntry> entries, String url) {
        Optional<String> key = UrlNormalizer.normalize(url);
        return key.isEmpty()
                ? null
                : entries.stream()
                        .filter(e -> e.url() != null
                                && UrlNormalizer.normalize(e.url()).equals(key))
                        .findFirst()
                        .orElse(null);
    }
}
