package app.carnival.feed.parse;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed: its title, the site it belongs to, its entries in document order, and how long it
 * says it may be cached (RSS {@code <ttl>}; null when it does not say).
 */
public record ParsedFeed(String title, String siteUrl, List<ParsedEntry> entries, Duration ttl) {

    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
