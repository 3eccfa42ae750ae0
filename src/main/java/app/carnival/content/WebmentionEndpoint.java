package app.carnival.content;

import app.carnival.url.LinkHeaders;
import app.carnival.url.Urls;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where a page receives Webmentions (W3C Webmention, sender discovery): the first HTTP {@code Link}
 * header with {@code rel="webmention"}; else the first {@code <link>} or {@code <a>} element with that
 * rel and an {@code href}, in document order. The endpoint is resolved against the page's final address
 * (after redirects) or its {@code <base>}; an empty {@code href} is the page itself; its query is kept.
 */
public final class WebmentionEndpoint {

    private WebmentionEndpoint() {}

    /**
     * @param pageUrl     the address the page was finally fetched from
     * @param linkHeaders every {@code Link} header of the answer, in order
     * @param page        the page parsed with {@code pageUrl} as its location, or null when it is not HTML
     */
    public static Optional<String> discover(String pageUrl, List<String> linkHeaders, Document page) {
        for (String header : linkHeaders) {
            for (String target : LinkHeaders.withRel(header, "webmention")) {
                String url = Urls.resolve(pageUrl, target);
                if (isHttp(url)) {
                    return Optional.of(url);
                }
            }
        }
        if (page == null) {
            return Optional.empty();
        }
        String base = PageBase.of(page);
        for (Element e : page.select("link[rel][href], a[rel][href]")) {
            if (LinkHeaders.hasRel(e.attr("rel"), "webmention")) {
                String url = Urls.resolve(base, e.attr("href"));
                return isHttp(url) ? Optional.of(url) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }
}
