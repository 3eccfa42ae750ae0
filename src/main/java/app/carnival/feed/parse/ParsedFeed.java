package app.carnival.feed.parse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A parsed feed: its title, the site it belongs to, its entries in document order, and how long it
 * says it may be cached.
 *
 * @param ttl  RSS {@code <ttl>}; null when it does not say
 * @param hubs the WebSub hubs the feed names ({@code atom:link rel="hub"}, JSON Feed {@code hubs}), resolved, in
 *     order; empty when none
 * @param self the feed's own address as it names it ({@code rel="self"}, JSON Feed {@code feed_url}), else null
 * @param entries the entries mapped: all of them, but those the caller said it knows ({@link FeedParser#parse})
 * @param prints every entry of the body, known or not, in order, for the next poll; empty when the caller did not
 *     ask for them or the body could not be fingerprinted (JSON Feed, a feed ROME's own reader had to read): the
 *     next poll then maps every entry
 * @param known how many entries were not mapped because the caller knew them
 */
public record ParsedFeed(
        String title,
        String siteUrl,
        List<ParsedEntry> entries,
        Duration ttl,
        List<String> hubs,
        String self,
        List<EntryPrint> prints,
        int known) {

    public ParsedFeed {
        entries = List.copyOf(entries);
        hubs = List.copyOf(hubs);
        prints = List.copyOf(prints);
    }

    /** A feed read whole, without fingerprints. */
    public ParsedFeed(
            String title, String siteUrl, List<ParsedEntry> entries, Duration ttl, List<String> hubs, String self) {
        this(title, siteUrl, entries, ttl, hubs, self, List.of(), 0);
    }

    /** Entries in the body: mapped or known (those that map to no entry included, when it was fingerprinted). */
    public int entryCount() {
        return prints.isEmpty() ? entries.size() : prints.size();
    }

    /** When the body's entries were published, known ones included, where they say. */
    public List<Instant> published() {
        return prints.isEmpty()
                ? entries.stream()
                        .map(ParsedEntry::published)
                        .filter(Objects::nonNull)
                        .toList()
                : prints.stream()
                        .map(EntryPrint::published)
                        .filter(Objects::nonNull)
                        .toList();
    }
}
