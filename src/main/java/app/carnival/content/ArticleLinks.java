package app.carnival.content;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links in the main content of a post's own web page, fetched when the feed carried only a
 * summary. Only the article body counts: blogrolls, sidebars and comment sections often link to
 * the invitation without the post answering it.
 */
public final class ArticleLinks {

    /** Common blog-engine content containers, most specific first (WordPress, Blogger, HTML5, ...). */
    private static final List<String> CONTENT_SELECTORS = List.of(
            "article .entry-content",
            ".entry-content",
            ".post-body",
            ".post-content",
            "[itemprop=articleBody]",
            "article",
            "main",
            "#content");

    private static final String NOT_CONTENT =
            String.join(", ", "header, footer", PageRegions.COMMENTS, PageRegions.SIDEBARS, PageRegions.OTHER_POSTS);

    private ArticleLinks() {}

    /**
     * @param pageHtml the whole page
     * @param pageUrl  the page's URL; relative links resolve against it, or against the page's
     *                 {@code <base href>} when it has one
     */
    public static List<String> mainContentLinks(String pageHtml, String pageUrl) {
        if (pageHtml == null || pageHtml.isBlank()) {
            return List.of();
        }
        Document page = Jsoup.parse(pageHtml, pageUrl == null ? "" : pageUrl);
        String base = PageBase.of(page);
        return LinkExtractor.linksUnder(mainContent(page), base);
    }

    /**
     * The article body of a post page (the {@code e-content} of the page's own h-entry, else the
     * usual container), without navigation, sidebars, comments, related posts and sharing buttons
     * (removed from {@code page}).
     */
    public static Element mainContent(Document page) {
        Element content = container(page);
        content.select(NOT_CONTENT).stream()
                .filter(element -> element != content)
                .forEach(Element::remove);
        return content;
    }

    private static Element container(Document page) {
        Element entry = Microformats.mainEntry(page);
        Element entryContent = entry == null ? null : Microformats.property(entry, "e-content");
        if (entryContent != null) {
            return entryContent;
        }
        for (String selector : CONTENT_SELECTORS) {
            Element found = page.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return page.body();
    }
}
