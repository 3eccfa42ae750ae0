package app.carnival.feed.parse;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed: its title, the site it belongs to, its entries in document order, and how long it
 * says it may be cached.
 *
 * @param ttl  RSS {@code <ttl>}; null when it does not say
 * @param hubs the WebSub hubs the feed names ({@code atom:link rel="hub"}, JSON Feed {@code hubs}), resolved, in
 *     order; empty when none
 * @param self the feed's own address as it names it ({@code rel="self"}, JSON Feed {@code feed_url}), else null
 */
public record ParsedFeed(
        String title, String siteUrl, List<ParsedEntry> entries, Duration ttl, List<String> hubs, String self) {

    public ParsedFeed {
        entries = List.copyOf(entries);
        hubs = List.copyOf(hubs);
    }
}
