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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        return parse(body, contentType, feedUrl, List.of());
    }

    /**
     * @param known the {@link ParsedFeed#prints} of the body last recorded: entries among them are not mapped
     *     again, only counted ({@link ParsedFeed#known}) and dated
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl, List<EntryPrint> known)
            throws FeedParseException {
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
                return toParsedFeed(read(xml, feedUrl, known), feedUrl, known);
            } catch (FeedParseException | RuntimeException strictFailure) {
                // Every defect the healer mends (DOCTYPE, junk before the prolog, HTML entities, bare '&', a bare
                // Atom <feed>) makes the strict parse fail, so healing only after a failure changes no outcome.
                return toParsedFeed(read(healer.heal(xml), feedUrl, known), feedUrl, known);
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

    /**
     * What ROME made of a body, with the fingerprints of all its entries and which of them it was not given (known
     * ones), both null when the body was not fingerprinted.
     */
    private record Read(SyndFeed feed, long[] prints, boolean[] known) {}

    private static Read read(String xml, String feedUrl, List<EntryPrint> known) throws FeedParseException {
        Optional<Document> tree = FeedTrees.read(xml);
        if (tree.isEmpty()) {
            // ROME maps Woodstox's tree as it would its own reader's (FeedTreesTest), so a mapping failure is the
            // same either way; only text Woodstox refuses goes to ROME's reader, for its error and the healing.
            return new Read(build(null, xml), null, null);
        }
        Document document = tree.get();
        List<Element> entries = EntryPrints.entries(document);
        long[] prints = EntryPrints.of(document, feedUrl, entries);
        Set<Long> knownPrints = new HashSet<>();
        known.forEach(k -> knownPrints.add(k.fingerprint()));
        boolean[] skipped = new boolean[prints.length];
        int mapped = prints.length;
        for (int i = 0; i < prints.length; i++) {
            if (knownPrints.contains(prints[i])) {
                skipped[i] = true;
                mapped--;
                entries.get(i).detach();
            }
        }
        SyndFeed feed = build(document, xml);
        if (feed.getEntries().size() == mapped) {
            return new Read(feed, prints, skipped);
        }
        // ROME read the entries otherwise than EntryPrints found them: map them all, remember none.
        return new Read(
                mapped == prints.length ? feed : build(FeedTrees.read(xml).orElseThrow(), xml), null, null);
    }

    /** ROME's mapping of the tree, or of the text read by its own reader when there is no tree. */
    private static SyndFeed build(Document tree, String xml) throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        // FeedHealer already healed the text, CDATA-aware; ROME's own healer is not.
        input.setXmlHealerOn(false);
        // Keeps the Atom objects, the only place ROME exposes xml:base.
        input.setPreserveWireFeed(true);
        try {
            return tree != null ? input.build(tree) : input.build(new StringReader(xml));
        } catch (FeedException e) {
            throw new FeedParseException(ParseErrorMessages.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not a feed: the XML document is not RSS, Atom or RDF", e);
        }
    }

    private ParsedFeed toParsedFeed(Read read, String feedUrl, List<EntryPrint> known) {
        SyndFeed feed = read.feed();
        String feedBase = feedUrl;
        if (feed.originalWireFeed() instanceof Feed atom && atom.getXmlBase() != null) {
            feedBase = Urls.resolve(feedUrl, atom.getXmlBase());
        }
        List<ParsedEntry> entries = new ArrayList<>();
        List<EntryPrint> prints = new ArrayList<>();
        Map<Long, Instant> knownDates = new HashMap<>();
        known.forEach(k -> knownDates.put(k.fingerprint(), k.published()));
        int skipped = 0;
        int next = 0;
        for (SyndEntry entry : feed.getEntries()) {
            ParsedEntry parsed = entryMapper.map(entry, feedBase);
            if (parsed != null) {
                entries.add(parsed);
            }
            if (read.prints() != null) {
                while (read.known()[next]) {
                    prints.add(new EntryPrint(read.prints()[next], knownDates.get(read.prints()[next])));
                    skipped++;
                    next++;
                }
                prints.add(new EntryPrint(read.prints()[next++], parsed == null ? null : parsed.published()));
            }
        }
        for (; read.prints() != null && next < read.prints().length; next++) {
            prints.add(new EntryPrint(read.prints()[next], knownDates.get(read.prints()[next])));
            skipped++;
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
                self,
                prints,
                skipped);
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
