package app.carnival.feed.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, as parsed, before it is stored as a post.
 *
 * @param guid        the entry's guid/id, else its link; never null
 * @param url         absolute link of the post (resolved against xml:base / the feed URL), may be null
 * @param published   published date, else updated date, else null (the poller then uses first-seen time)
 * @param contentHtml full content ({@code content:encoded} / Atom content) if present, else the description/summary; may be empty
 * @param summaryOnly true when the entry had no full content, only a description/summary
 * @param baseUrl     URL against which relative links inside {@code contentHtml} resolve
 */
public record ParsedEntry(
        String guid,
        String url,
        String title,
        String author,
        Instant published,
        Instant updated,
        List<String> categories,
        String contentHtml,
        boolean summaryOnly,
        String baseUrl) {

    public ParsedEntry {
        categories = List.copyOf(categories);
    }
}
