package app.carnival.feed.parse;

import java.util.List;

/** A parsed feed: its title, the site it belongs to, and its entries in document order. */
public record ParsedFeed(String title, String siteUrl, List<ParsedEntry> entries) {

    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
