package app.carnival.feed.parse;

import app.carnival.url.LinkHeaders;
import app.carnival.url.Urls;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Parses a fetched feed body (RSS 0.9x/1.0/2.0, Atom or JSON Feed) into a {@link ParsedFeed}. Any failure,
 * whatever its origin, comes out as a {@link FeedParseException} with a message fit for people.
 */
public final class FeedParser {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final FeedDecoder decoder = new FeedDecoder();
    private final FeedHealer healer = new FeedHealer();
    private final EntryMapper entryMapper = new EntryMapper();
    private final JsonFeedReader jsonFeeds = new JsonFeedReader();

    /**
     * @param body        the response body as received (gzip is undone here if the fetcher did not)
     * @param contentType the Content-Type header, may be null; its charset is one decoding hint
     * @param feedUrl     the URL the feed was fetched from, the last resort for resolving relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty response body");
        }
        try {
            String xml = decoder.decode(healer.gunzipIfCompressed(body), contentType);
            if (JsonFeedReader.looksLikeJson(xml)) {
                return jsonFeeds.read(xml, feedUrl);
            }
            try {
                // Most feeds are well-formed: parse them as they are, the healing pass costs more than ROME itself.
                return toParsedFeed(read(xml), feedUrl);
            } catch (FeedParseException | RuntimeException strictFailure) {
                // Every defect the healer mends (DOCTYPE, junk before the prolog, HTML entities, bare '&', a bare
                // Atom <feed>) makes the strict parse fail, so healing only after a failure changes no outcome.
                return toParsedFeed(read(healer.heal(xml)), feedUrl);
            }
        } catch (RuntimeException e) {
            // ROME and JDOM signal some malformations with unchecked exceptions; never let them escape.
            throw new FeedParseException(
                    "could not read the feed: "
                            + (e.getMessage() != null
                                    ? e.getMessage()
                                    : e.getClass().getSimpleName()),
                    e);
        }
    }

    private static SyndFeed read(String xml) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        // FeedHealer already healed the text, CDATA-aware; ROME's own healer is not.
        input.setXmlHealerOn(false);
        // Keeps the Atom objects, the only place ROME exposes xml:base.
        input.setPreserveWireFeed(true);
        Optional<Document> tree = FeedTrees.read(xml);
        try {
            // ROME maps Woodstox's tree as it would its own reader's (FeedTreesTest), so a mapping failure is the
            // same either way; only text Woodstox refuses goes to ROME's reader, for its error and the healing.
            return tree.isPresent() ? input.build(tree.get()) : input.build(new StringReader(xml));
        } catch (FeedException e) {
            throw new FeedParseException(ParseErrorMessages.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed: the XML document is not RSS, Atom or RDF", e);
        }
    }

    private ParsedFeed toParsedFeed(SyndFeed feed, String feedUrl) {
        String feedBase = feedUrl;
        if (feed.originalWireFeed() instanceof Feed atom && atom.getXmlBase() != null) {
            feedBase = Urls.resolve(feedUrl, atom.getXmlBase());
        }
        List<ParsedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            ParsedEntry parsed = entryMapper.map(entry, feedBase);
            if (parsed != null) {
                entries.add(parsed);
            }
        }
        List<String> hubs = new ArrayList<>();
        String self = null;
        for (Link link : feedLinks(feed)) {
            String href = Urls.resolve(feedBase, link.href());
            if (href == null) {
                continue;
            }
            if (LinkHeaders.hasRel(link.rel(), "hub") && !hubs.contains(href)) {
                hubs.add(href);
            } else if (self == null && LinkHeaders.hasRel(link.rel(), "self")) {
                self = href;
            }
        }
        return new ParsedFeed(
                EntryMapper.plainText(feed.getTitleEx(), feed.getTitle()),
                Urls.resolve(feedBase, siteLink(feed)),
                entries,
                ttl(feed),
                hubs,
                self);
    }

    private record Link(String rel, String href) {}

    /**
     * The feed-level links that may name a WebSub hub or the feed itself: Atom's links, and the
     * {@code atom:link} elements of an RSS channel, which ROME keeps as foreign markup.
     */
    private static List<Link> feedLinks(SyndFeed feed) {
        List<Link> links = new ArrayList<>();
        if (feed.originalWireFeed() instanceof Feed atom) {
            for (com.rometools.rome.feed.atom.Link l : atom.getOtherLinks()) {
                if (l.getRel() != null && l.getHref() != null) {
                    links.add(new Link(l.getRel(), l.getHref()));
                }
            }
        } else {
            for (Element e : feed.originalWireFeed().getForeignMarkup()) {
                if ("link".equals(e.getName()) && ATOM.equals(e.getNamespaceURI())) {
                    String rel = e.getAttributeValue("rel");
                    String href = e.getAttributeValue("href");
                    if (rel != null && href != null) {
                        links.add(new Link(rel, href));
                    }
                }
            }
        }
        return links;
    }

    /** RSS {@code <ttl>} in minutes; ROME leaves -1 when it is missing or not a number, and 0 says nothing. */
    private static Duration ttl(SyndFeed feed) {
        return feed.originalWireFeed() instanceof Channel rss && rss.getTtl() > 0
                ? Duration.ofMinutes(rss.getTtl())
                : null;
    }

    /**
     * For Atom, ROME's {@code getLink()} can be the self link or id; the site is the alternate link.
     * Null when blank: an empty reference would name the feed itself.
     */
    private static String siteLink(SyndFeed feed) {
        for (SyndLink link : feed.getLinks()) {
            if ((link.getRel() == null || "alternate".equals(link.getRel())) && link.getHref() != null) {
                return link.getHref().isBlank() ? null : link.getHref();
            }
        }
        return feed.getLink() == null || feed.getLink().isBlank() ? null : feed.getLink();
    }
}
