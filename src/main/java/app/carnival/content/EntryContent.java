package app.carnival.content;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What is kept of an entry's HTML, from one parse: its plain text (for hashtags and excerpts) and its
 * outgoing links (for link-back). The markup itself is not kept: nothing shows it, and sanitizing and
 * serializing it cost more than reading the feed.
 */
public record EntryContent(String text, List<String> links) {

    public EntryContent {
        links = List.copyOf(links);
    }

    public static EntryContent of(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return new EntryContent("", List.of());
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        return new EntryContent(Excerpts.plainText(body), LinkExtractor.linksUnder(body, baseUrl));
    }
}
