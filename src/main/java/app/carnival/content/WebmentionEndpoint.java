package app.carnival.content;

import app.carnival.url.Urls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
            for (String target : webmentionLinks(header)) {
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
            if (hasWebmentionRel(e.attr("rel"))) {
                String url = Urls.resolve(base, e.attr("href"));
                return isHttp(url) ? Optional.of(url) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The URI references of one {@code Link} header's values whose rel includes {@code webmention} (RFC 8288). */
    static List<String> webmentionLinks(String header) {
        List<String> found = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            int open = header.indexOf('<', i);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String target = header.substring(open + 1, close).trim();
            i = close + 1;
            boolean webmention = false;
            // The link's parameters, up to the comma that starts the next link (outside quotes).
            while (i < n && header.charAt(i) != ',') {
                if (header.charAt(i) != ';') {
                    i++;
                    continue;
                }
                int nameStart = ++i;
                while (i < n && "=;,".indexOf(header.charAt(i)) < 0) {
                    i++;
                }
                String name = header.substring(nameStart, i).trim();
                String value = "";
                if (i < n && header.charAt(i) == '=') {
                    i++;
                    while (i < n && header.charAt(i) == ' ') {
                        i++;
                    }
                    StringBuilder v = new StringBuilder();
                    if (i < n && header.charAt(i) == '"') {
                        i++;
                        while (i < n && header.charAt(i) != '"') {
                            if (header.charAt(i) == '\\' && i + 1 < n) {
                                i++;
                            }
                            v.append(header.charAt(i++));
                        }
                        i++; // the closing quote
                    } else {
                        while (i < n && ";,".indexOf(header.charAt(i)) < 0) {
                            v.append(header.charAt(i++));
                        }
                    }
                    value = v.toString().trim();
                }
                if (name.equalsIgnoreCase("rel") && hasWebmentionRel(value)) {
                    webmention = true;
                }
            }
            if (webmention) {
                found.add(target);
            }
        }
        return found;
    }

    private static boolean hasWebmentionRel(String rel) {
        return Arrays.stream(rel.trim().split("\\s+"))
                .anyMatch(r -> r.toLowerCase(Locale.ROOT).equals("webmention"));
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }
}
