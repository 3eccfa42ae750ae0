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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Parses the whole body, without fingerprints ({@link ParsedFeed#prints} empty): for callers that will not
     * record them (registration, intake, a push).
     *
     * @param body        the response body as received (gzip is undone here if the fetcher did not)
     * @param contentType the Content-Type header, may be null; its charset is one decoding hint
     * @param feedUrl     the URL the feed was fetched from, the last resort for resolving relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        return parse(body, contentType, feedUrl, Optional.empty());
    }

    /**
     * Parses the body for a poll that records it: every entry is fingerprinted ({@link ParsedFeed#prints}), and
     * those of {@code known} are not mapped again, only counted ({@link ParsedFeed#known}) and dated.
     *
     * @param known the {@link ParsedFeed#prints} of the body last recorded, empty when none
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl, List<EntryPrint> known)
            throws FeedParseException {
        Map<Long, Instant> dates = new HashMap<>();
        known.forEach(k -> dates.put(k.fingerprint(), k.published()));
        return parse(body, contentType, feedUrl, Optional.of(dates));
    }

    /** @param known the known entries' dates by fingerprint; empty not to fingerprint at all */
    private ParsedFeed parse(byte[] body, String contentType, String feedUrl, Optional<Map<Long, Instant>> known)
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
                return toParsedFeed(read(xml, feedUrl, known), feedUrl);
            } catch (FeedParseException | RuntimeException strictFailure) {
                // Every defect the healer mends (DOCTYPE, junk before the prolog, HTML entities, bare '&', a bare
                // Atom <feed>) makes the strict parse fail, so healing only after a failure changes no outcome.
                return toParsedFeed(read(healer.heal(xml), feedUrl, known), feedUrl);
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
     * What ROME made of a body and, when it was fingerprinted, every entry's print in document order (known ones
     * dated, the others to be dated once mapped) and where the entries ROME was given stand among them.
     */
    private record Read(SyndFeed feed, EntryPrint[] prints, int[] mapped) {

        static Read whole(SyndFeed feed) {
            return new Read(feed, null, null);
        }
    }

    private static Read read(String xml, String feedUrl, Optional<Map<Long, Instant>> known) throws FeedParseException {
        // Entries the last poll recorded need no tree: only their markup is fingerprinted.
        boolean fewNew = known.isPresent() && !known.get().isEmpty();
        return read(xml, feedUrl, known, fewNew ? FeedTrees.Entries.SKIP : FeedTrees.Entries.BUILD);
    }

    private static Read read(String xml, String feedUrl, Optional<Map<Long, Instant>> known, FeedTrees.Entries mode)
            throws FeedParseException {
        Optional<FeedTrees.Tree> tree = FeedTrees.read(xml, mode);
        if (tree.isEmpty()) {
            // ROME maps Woodstox's tree as it would its own reader's (FeedTreesTest), so a mapping failure is the
            // same either way; only text Woodstox refuses goes to ROME's reader, for its error and the healing.
            return Read.whole(build(null, xml));
        }
        if (known.isEmpty()) {
            return Read.whole(build(tree.get().document(), xml));
        }
        List<FeedTrees.Entry> entries = tree.get().entries();
        long[] fingerprints = EntryPrints.of(tree.get(), xml, feedUrl);
        EntryPrint[] prints = new EntryPrint[fingerprints.length];
        int[] mapped = new int[fingerprints.length];
        int mappedCount = 0;
        for (int i = 0; i < fingerprints.length; i++) {
            prints[i] = new EntryPrint(fingerprints[i], known.get().get(fingerprints[i]));
            Element built = entries.get(i).element();
            if (!known.get().containsKey(fingerprints[i])) {
                mapped[mappedCount++] = i;
            } else if (built != null) {
                built.detach();
            }
        }
        // The new entries a skipping read left out, from the last back, so that each goes where it stood.
        for (int m = mappedCount - 1; m >= 0; m--) {
            FeedTrees.Entry entry = entries.get(mapped[m]);
            if (entry.element() == null) {
                Optional<Element> alone = FeedTrees.entry(xml, entry);
                if (alone.isEmpty()) {
                    return read(xml, feedUrl, known, FeedTrees.Entries.BUILD);
                }
                entry.parent().addContent(entry.index(), alone.get());
            }
        }
        SyndFeed feed = build(tree.get().document(), xml);
        if (feed.getEntries().size() == mappedCount) {
            return new Read(feed, prints, Arrays.copyOf(mapped, mappedCount));
        }
        // ROME read the entries otherwise than EntryPrints found them: map them all, remember none.
        return Read.whole(
                mappedCount == prints.length
                        ? feed
                        : build(
                                FeedTrees.read(xml, FeedTrees.Entries.BUILD)
                                        .orElseThrow()
                                        .document(),
                                xml));
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

    private ParsedFeed toParsedFeed(Read read, String feedUrl) {
        SyndFeed feed = read.feed();
        String feedBase = feedUrl;
        if (feed.originalWireFeed() instanceof Feed atom && atom.getXmlBase() != null) {
            feedBase = Urls.resolve(feedUrl, atom.getXmlBase());
        }
        List<ParsedEntry> entries = new ArrayList<>();
        List<SyndEntry> given = feed.getEntries();
        for (int i = 0; i < given.size(); i++) {
            ParsedEntry parsed = entryMapper.map(given.get(i), feedBase);
            if (parsed != null) {
                entries.add(parsed);
            }
            if (read.prints() != null) {
                int at = read.mapped()[i];
                read.prints()[at] =
                        new EntryPrint(read.prints()[at].fingerprint(), parsed == null ? null : parsed.published());
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
                self,
                read.prints() == null ? List.of() : List.of(read.prints()),
                read.prints() == null ? 0 : read.prints().length - read.mapped().length);
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
