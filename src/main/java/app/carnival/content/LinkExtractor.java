package app.carnival.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The outgoing links of a piece of HTML. */
public final class LinkExtractor {

    private LinkExtractor() {
    }

    /**
     * Absolute URLs of every {@code <a href>} in an HTML fragment (e.g. a feed entry's content),
     * resolved against {@code baseUrl}, in document order, without duplicates. Empty hrefs and
     * relative ones that cannot be resolved (no usable base) are skipped; absolute hrefs of any
     * scheme are kept as jsoup resolves them (only the scheme lower-cased): filtering and
     * normalizing are {@link UrlNormalizer}'s job.
     */
    public static List<String> links(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        return links(Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl).body());
    }

    /** Links under {@code root}, whose document's base URI resolves them. */
    public static List<String> links(Element root) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element a : root.select("a[href]")) {
            if (a.attr("href").isBlank()) {
                continue;
            }
            String href = a.attr("href").strip();
            // Most feed links are absolute already; resolving them against the base is the costly part.
            String url = href.startsWith("https://") || href.startsWith("http://")
                    ? href : a.absUrl("href");
            if (!url.isEmpty()) {
                urls.add(url);
            }
        }
        return new ArrayList<>(urls);
    }
}
