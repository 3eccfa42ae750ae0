package app.carnival.registration;

import app.carnival.content.FeedDiscovery;
import app.carnival.errors.InvalidInput;
import app.carnival.feed.parse.FeedParseException;
import app.carnival.feed.parse.FeedParser;
import app.carnival.feed.parse.ParsedFeed;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Finds the feed of a blog being registered: a feed URL is kept, a web page (the blog's home page,
 * or an HTML page given as the feed) is searched for the feed it announces, then the usual feed
 * addresses are tried. Fetches through {@link HttpFetcher}; call it outside any transaction.
 */
@ApplicationScoped
public class FeedLocator {

    private final HttpFetcher fetcher;
    private final FeedParser parser = new FeedParser();

    public FeedLocator(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * @param blogUrl the blog's address, searched when no feed URL is given
     * @param feedUrl the feed's address as given, or null
     * @return the feed URL to poll
     * @throws InvalidInput naming the field when no feed can be found
     */
    public String locate(String blogUrl, String feedUrl) {
        if (feedUrl != null) {
            return checkGivenFeed(feedUrl);
        }
        FetchResult page;
        try {
            page = fetcher.fetchPage(blogUrl);
        } catch (FetchException e) {
            throw new InvalidInput(
                    "blogUrl",
                    "could not be fetched to find its feed (" + e.getMessage()
                            + "); give your feed's address as feedUrl");
        }
        if (page.botCheck() != null) {
            throw new InvalidInput(
                    "blogUrl",
                    "answers with a bot check (" + page.botCheck()
                            + ") instead of the page, so its feed can not be looked for; give your feed's address as"
                            + " feedUrl");
        }
        if (!page.ok()) {
            throw new InvalidInput(
                    "blogUrl",
                    "answered HTTP " + page.status()
                            + " when we looked for its feed; give your feed's address as feedUrl");
        }
        return isFeed(page) ? blogUrl : discover(page, "blogUrl");
    }

    /**
     * A feed URL already polled, or one that does not answer right now (or answers with a bot check), is
     * kept as given: the poller retries it and reports its health. Only a page that is plainly HTML is
     * searched for its feed.
     */
    private String checkGivenFeed(String feedUrl) {
        FetchResult page;
        try {
            page = fetcher.fetch(feedUrl, HttpFetcher.FEED_ACCEPT, null, null);
        } catch (FetchException e) {
            return feedUrl;
        }
        if (!page.ok()
                || page.botCheck() != null
                || isFeed(page)
                || !FeedDiscovery.looksLikeHtml(page.contentType(), page.body())) {
            return feedUrl; // a bot check too: the poller says so in the feed's error
        }
        return discover(page, "feedUrl");
    }

    private String discover(FetchResult page, String field) {
        for (FeedDiscovery.Candidate candidate : FeedDiscovery.blogFeeds(HtmlPages.parse(page), page.finalUrl())) {
            if (isFeedAt(candidate)) {
                return candidate.url();
            }
        }
        throw new InvalidInput(
                field,
                "no RSS or Atom feed found: " + page.finalUrl()
                        + " is a web page that announces no feed (<link rel=\"alternate\">) and none of the usual addresses"
                        + " (/feed, /rss, /atom.xml, ...) answers with one; give your feed's address as feedUrl");
    }

    /** A blog feed found for a post page, parsed: its title, site and entries tell who wrote the post and when. */
    public record Located(String feedUrl, ParsedFeed feed) {}

    /**
     * The feed of the blog a post page belongs to ({@link FeedDiscovery#blogFeedsOfPost}), trying at
     * most {@code maxTries} addresses; empty when none answers with a feed.
     */
    public Optional<Located> ofPostPage(Document page, int maxTries) {
        for (FeedDiscovery.Candidate candidate :
                FeedDiscovery.blogFeedsOfPost(page).stream().limit(maxTries).toList()) {
            try {
                FetchResult result = get(candidate);
                if (result.ok()) {
                    return Optional.of(new Located(
                            result.finalUrl(), parser.parse(result.body(), result.contentType(), result.finalUrl())));
                }
            } catch (FetchException | FeedParseException e) {
                // not this one: try the next address
            }
        }
        return Optional.empty();
    }

    private boolean isFeedAt(FeedDiscovery.Candidate candidate) {
        try {
            FetchResult result = get(candidate);
            return result.ok() && isFeed(result);
        } catch (FetchException e) {
            return false;
        }
    }

    /** A guessed address answering with a redirect is not a feed: the redirect is not followed. */
    private FetchResult get(FeedDiscovery.Candidate candidate) throws FetchException {
        return candidate.guessed()
                ? fetcher.probe(candidate.url(), HttpFetcher.FEED_ACCEPT)
                : fetcher.fetch(candidate.url(), HttpFetcher.FEED_ACCEPT, null, null);
    }

    private boolean isFeed(FetchResult result) {
        try {
            parser.parse(result.body(), result.contentType(), result.finalUrl());
            return true;
        } catch (FeedParseException e) {
            return false;
        }
    }
}
