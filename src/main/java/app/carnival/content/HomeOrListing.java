package app.carnival.content;

import app.carnival.url.WebUrl;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * Whether a page is a blog's home page or a list of posts (an archive, a search, a tag page)
 * rather than one post: what a blog's address or a careless link gives instead of a response.
 */
final class HomeOrListing {

    /** One post each, as WordPress (classic themes, block themes' query loops), Blogger and microformats mark them. */
    private static final String ENTRIES = "article, .h-entry, .hentry, .wp-block-post, .post-outer";

    private static final Evaluator NESTED_OR_ASIDE =
            PageRegions.any(ENTRIES, PageRegions.COMMENTS, PageRegions.SIDEBARS);

    /** WordPress' and Blogger's body classes for the kinds of pages. */
    private static final Set<String> LISTING_CLASSES = Set.of("home", "blog", "archive", "search", "feed-view");

    private static final Set<String> SINGLE_CLASSES = Set.of("single", "item-view");
    private static final Set<String> SINGLE_CLASS_PREFIXES = Set.of("postid-", "page-id-");

    private HomeOrListing() {}

    /** @param url the page's canonical address */
    static boolean looksLike(Document page, String url) {
        if (isSiteRoot(url)) {
            return true;
        }
        if (declaresOnePost(page)) {
            return false;
        }
        Set<String> bodyClasses = page.body().classNames();
        return bodyClasses.stream().anyMatch(LISTING_CLASSES::contains) || entries(page) > 1;
    }

    /** The root without a query: WordPress' plain permalinks put posts at {@code /?p=123}. */
    private static boolean isSiteRoot(String url) {
        Optional<WebUrl> parsed = WebUrl.tryParse(url);
        return parsed.isPresent()
                && parsed.get().path().equals("/")
                && parsed.get().query() == null;
    }

    private static boolean declaresOnePost(Document page) {
        Element type = page.selectFirst("meta[property=og:type]");
        if (type != null && type.attr("content").strip().equalsIgnoreCase("article")
                || page.selectFirst("meta[property=article:published_time]") != null) {
            return true;
        }
        return page.body().classNames().stream()
                .anyMatch(c -> SINGLE_CLASSES.contains(c)
                        || SINGLE_CLASS_PREFIXES.stream().anyMatch(c::startsWith));
    }

    /** Entries not nested in another, nor in comments or a sidebar. */
    private static long entries(Document page) {
        return page.select(ENTRIES).stream()
                .filter(e -> !PageRegions.inside(e.parent(), null, NESTED_OR_ASIDE))
                .count();
    }
}
