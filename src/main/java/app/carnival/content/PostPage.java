package app.carnival.content;

import app.carnival.feed.parse.ParsedEntry;
import app.carnival.url.Links;
import app.carnival.url.Urls;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a post's own web page says about the post, for a host adding it by URL: its canonical
 * address, title (og:title, else {@code <title>}), publication time (article:published_time and
 * the like, null when the page gives none), tags (article:tag) and the article body.
 */
public record PostPage(String url, String title, Instant published, List<String> tags, String contentHtml) {

    /** As long as a URL the API accepts; a longer canonical link is ignored. */
    private static final int MAX_URL = 2048;

    private static final List<String> DATE_SELECTORS = List.of(
            "meta[property=article:published_time]",
            "meta[name=article:published_time]",
            "meta[itemprop=datePublished]",
            "meta[name=date]",
            "meta[name=dc.date]",
            "meta[name=DC.date.issued]",
            "article time[datetime]",
            "time[datetime]");

    /** @param page a fetched page whose base URI is the address it was fetched from */
    public static PostPage read(Document page) {
        String base = PageBase.of(page);
        String url = firstHttp(page, base, "link[rel=canonical]", "href");
        if (url == null) {
            url = firstHttp(page, base, "meta[property=og:url]", "content");
        }
        if (url == null || url.length() > MAX_URL) {
            url = page.location();
        }
        String title = meta(page, "meta[property=og:title]");
        if (title == null) {
            title = page.title().isBlank() ? null : page.title().strip();
        }
        if (title == null) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        Instant published = null;
        for (String selector : DATE_SELECTORS) {
            Element e = page.selectFirst(selector);
            if (e != null) {
                published = parseDate(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
                if (published != null) {
                    break;
                }
            }
        }
        List<String> tags = page.select("meta[property=article:tag]").eachAttr("content");
        String content = ArticleLinks.mainContent(page).html();
        return new PostPage(url, title, published, tags, content);
    }

    /** The page as a feed entry of its participant's feed, identified by its URL. */
    public ParsedEntry asEntry() {
        return new ParsedEntry(url, url, title, null, published, null, tags, contentHtml, false, url);
    }

    /** ISO-8601 instant, offset date-time or plain date (taken as UTC midnight); null if none of these. */
    static Instant parseDate(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static String meta(Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null || e.attr("content").isBlank()
                ? null
                : e.attr("content").strip();
    }

    private static String firstHttp(Document page, String base, String selector, String attribute) {
        Element e = page.selectFirst(selector);
        return e == null ? null : Links.httpOrNull(Urls.resolve(base, e.attr(attribute)));
    }
}
