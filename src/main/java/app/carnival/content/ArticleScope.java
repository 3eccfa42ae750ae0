package app.carnival.content;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The element of a post page that holds the post with its byline and date (an {@code article},
 * Blogger's {@code .post}, or {@code main} in WordPress block themes), and what inside it belongs
 * to the post: not its comments, sidebars, lists of other posts, nor posts it quotes.
 */
final class ArticleScope {

    /** Most specific first. */
    private static final List<String> CONTAINERS = List.of("article", ".hentry", ".post", "main");

    private static final Evaluator NOT_THE_POST =
            PageRegions.any(PageRegions.COMMENTS, PageRegions.SIDEBARS, PageRegions.OTHER_POSTS);

    private static final Evaluator FOREIGN = PageRegions.any(
            PageRegions.COMMENTS,
            PageRegions.SIDEBARS,
            PageRegions.OTHER_POSTS,
            "article, .h-entry, .h-cite, blockquote");

    private ArticleScope() {}

    /** The post's container, or null when the page has none of the usual ones. */
    static Element of(Document page) {
        for (String container : CONTAINERS) {
            for (Element e : page.select(container)) {
                if (!PageRegions.inside(e, null, NOT_THE_POST)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The first element under {@code scope} matching {@code selector} that belongs to the post itself. */
    static Optional<Element> first(Element scope, String selector) {
        return all(scope, selector).stream().findFirst();
    }

    /** The elements under {@code scope} matching {@code selector} that belong to the post itself, in document order. */
    static List<Element> all(Element scope, String selector) {
        return scope.select(selector).stream()
                .filter(e -> e != scope && !PageRegions.inside(e, scope, FOREIGN))
                .toList();
    }
}
