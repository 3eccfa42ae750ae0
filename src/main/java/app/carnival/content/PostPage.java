package app.carnival.content;

import app.carnival.feed.parse.ParsedEntry;
import app.carnival.url.Links;
import app.carnival.url.Urls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a post's own web page says about the post, for a host adding it by URL and for a response
 * found elsewhere than in a feed (Webmention, pingback, the invitation's comments).
 *
 * @param url                    the canonical address ({@code rel=canonical}, else og:url), else the fetched one
 * @param title                  the h-entry's {@code p-name}, else og:title, else {@code <title>}, else the first h1; "" if none
 * @param author                 the h-entry's {@code p-author}, else the page's author metadata, JSON-LD or byline; null if none
 * @param published              when the page says the post was published ({@link PublicationDate}); null when it says
 *                               nothing it can be trusted with: the caller then has no date for the post
 * @param tags                   article:tag metadata
 * @param contentHtml            the article body ({@link ArticleLinks#mainContent})
 * @param looksLikeHomeOrListing the page is a blog's home page or a list of posts, not one post
 */
public record PostPage(
        String url,
        String title,
        String author,
        Instant published,
        List<String> tags,
        String contentHtml,
        boolean looksLikeHomeOrListing) {

    /** As long as a URL the API accepts; a longer canonical link is ignored. */
    private static final int MAX_URL = 2048;

    /** Longer is not a name but a page's text marked up carelessly. */
    private static final int MAX_AUTHOR = 200;

    private static final String BYLINE = "[rel~=author], .wp-block-post-author-name";

    public PostPage {
        tags = List.copyOf(tags);
    }

    /** @param page a fetched page whose base URI is the address it was fetched from */
    public static PostPage read(Document page) {
        String url = canonicalUrl(page);
        Element entry = Microformats.mainEntry(page);
        JsonLdPost ld = JsonLdPost.of(page);
        Instant published = PublicationDate.of(page, entry, ld);
        boolean listing = HomeOrListing.looksLike(page, url);
        List<String> tags = page.select("meta[property=article:tag]").eachAttr("content");
        String title = title(page, entry);
        String author = author(page, entry, ld);
        // last: it removes what is not the article from the page
        String content = ArticleLinks.mainContent(page).html();
        return new PostPage(url, title, author, published, tags, content, listing);
    }

    /** The page as a feed entry of its participant's feed, identified by its URL. */
    public ParsedEntry asEntry() {
        return new ParsedEntry(url, url, title, author, published, null, tags, contentHtml, false, url);
    }

    private static String canonicalUrl(Document page) {
        String base = PageBase.of(page);
        String url = firstHttp(page, base, "link[rel=canonical]", "href");
        if (url == null) {
            url = firstHttp(page, base, "meta[property=og:url]", "content");
        }
        return url == null || url.length() > MAX_URL ? page.location() : url;
    }

    private static String title(Document page, Element entry) {
        Element name = entry == null ? null : Microformats.property(entry, "p-name");
        return Stream.of(
                        name == null ? null : Microformats.text(name),
                        meta(page, "meta[property=og:title]"),
                        page.title(),
                        Optional.ofNullable(page.selectFirst("h1"))
                                .map(Element::text)
                                .orElse(null))
                .map(PostPage::blankToNull)
                .filter(t -> t != null)
                .findFirst()
                .orElse("");
    }

    private static String author(Document page, Element entry, JsonLdPost ld) {
        Element article = ArticleScope.of(page);
        return Stream.of(
                        entry == null ? null : entryAuthor(entry),
                        meta(page, "meta[name=author]"),
                        Optional.ofNullable(meta(page, "meta[property=article:author]"))
                                .filter(a -> Links.httpOrNull(a) == null)
                                .orElse(null),
                        ld.authorName(),
                        article == null
                                ? null
                                : ArticleScope.first(article, BYLINE)
                                        .map(Element::text)
                                        .orElse(null))
                .map(PostPage::blankToNull)
                .filter(a -> a != null && a.length() <= MAX_AUTHOR)
                .findFirst()
                .orElse(null);
    }

    /** An h-card's name, else its text; or a plain {@code p-author}'s text. */
    private static String entryAuthor(Element entry) {
        Element author = Microformats.property(entry, "p-author");
        if (author == null) {
            return null;
        }
        Element name = Microformats.isRoot(author) ? Microformats.property(author, "p-name") : null;
        return Microformats.text(name != null ? name : author);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
    }

    private static String meta(Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String firstHttp(Document page, String base, String selector, String attribute) {
        Element e = page.selectFirst(selector);
        return e == null ? null : Links.httpOrNull(Urls.resolve(base, e.attr(attribute)));
    }
}
