package app.carnival.matching;

import java.time.Instant;
import java.util.List;

/**
 * What the matcher looks at in one post.
 *
 * @param url        the post's canonical absolute URL (may be null when the feed gives none)
 * @param text       plain text of the post's content or summary (no markup)
 * @param links      absolute URLs of every {@code <a href>} in the content, as written
 * @param summaryOnly true when the feed carried only a summary or a truncated body, so the
 *                   post's own page may hold a link-back the feed does not show
 */
public record PostFacts(
        String url,
        String title,
        String text,
        List<String> links,
        List<String> categories,
        Instant published,
        boolean summaryOnly) {

    public PostFacts {
        links = List.copyOf(links);
        categories = List.copyOf(categories);
    }
}
