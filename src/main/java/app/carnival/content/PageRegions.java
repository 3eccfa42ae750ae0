package app.carnival.content;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The parts of a blog page that are not the post itself, as WordPress (classic and block themes),
 * Blogger and hand-made pages mark them: comment sections, sidebars, and links to other posts.
 */
final class PageRegions {

    /** Comment sections and comment forms. */
    static final String COMMENTS = "#comments, .comments, .comments-area, .comment-list, ol.commentlist, "
            + ".wp-block-comments, .wp-block-post-comments, #respond, .comment-respond";

    /** Blogger's posts are a widget too: {@code <div class="widget Blog">}. */
    static final String SIDEBARS = "aside, .sidebar, #sidebar, #secondary, .widget-area, .widget:not(.Blog)";

    /** Menus, related posts, query loops and sharing buttons (Jetpack's among them). */
    static final String OTHER_POSTS =
            "nav, .related, .jp-relatedposts, .sharedaddy, .wp-block-query, .wp-block-latest-posts";

    private PageRegions() {}

    static Evaluator any(String... selectors) {
        return QueryParser.parse(String.join(", ", selectors));
    }

    /** True when {@code e}, or one of its ancestors below {@code scope} (null: the document), matches {@code region}. */
    static boolean inside(Element e, Element scope, Evaluator region) {
        for (Element p = e; p != null && p != scope; p = p.parent()) {
            if (p.is(region)) {
                return true;
            }
        }
        return false;
    }
}
