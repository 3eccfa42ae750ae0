package app.carnival.content;

import app.carnival.url.Urls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** The outgoing links of a piece of HTML, made absolute by the one resolver ({@link Urls}). */
public final class LinkExtractor {

    /**
     * Compiled once: {@code select("a[href]")} parses the query at every call, and that parse (three jsoup
     * readers, each clearing its buffer when closed) cost more than the links themselves (JFR, bench first).
     */
    private static final Evaluator LINKS = Selector.evaluatorOf("a[href]");

    private LinkExtractor() {}

    /**
     * Absolute URLs of every {@code <a href>} in an HTML fragment (e.g. a feed entry's content),
     * resolved against {@code baseUrl}, in document order, without duplicates. Empty hrefs and
     * relative ones that cannot be resolved (no usable base) are skipped; absolute hrefs of any
     * scheme are kept, those starting {@code http://} or {@code https://} as written, others as
     * {@link Urls#resolve} reads them (scheme lower-cased, unsafe characters escaped): filtering
     * and normalizing are {@link app.carnival.url.UrlNormalizer}'s job.
     */
    public static List<String> links(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return linksUnder(Jsoup.parseBodyFragment(html).body(), baseUrl);
    }

    /** Links under {@code root}, relative ones resolved against {@code baseUrl} (may be null). */
    public static List<String> linksUnder(Element root, String baseUrl) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element a : root.select(LINKS)) {
            String url = a.attr("href").isBlank() ? null : absolute(a.attr("href"), baseUrl);
            if (url != null) {
                urls.add(url);
            }
        }
        return new ArrayList<>(urls);
    }

    private static String absolute(String href, String baseUrl) {
        String trimmed = href.strip();
        // Most feed links are absolute already; resolving them is the costly part.
        return trimmed.startsWith("https://") || trimmed.startsWith("http://")
                ? trimmed
                : Urls.resolve(baseUrl, trimmed);
    }
}
