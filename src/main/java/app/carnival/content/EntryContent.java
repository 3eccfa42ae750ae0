package app.carnival.content;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What is kept of an entry's HTML, from one parse: the sanitized markup (safe subset, links made
 * absolute), its plain text (for hashtags and excerpts) and its outgoing links (for link-back).
 */
public record EntryContent(String safeHtml, String text, List<String> links) {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img") // images are not needed to match or excerpt and would hotlink third parties
            .addAttributes("a", "rel")
            // links are made absolute by LinkExtractor beforehand; jsoup would otherwise resolve them its own way
            .preserveRelativeLinks(true);

    public EntryContent {
        links = List.copyOf(links);
    }

    public static EntryContent of(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return new EntryContent("", "", List.of());
        }
        Document doc = Jsoup.parseBodyFragment(html);
        List<String> links = LinkExtractor.linksUnder(doc.body(), baseUrl);
        LinkExtractor.makeAbsolute(doc.body(), baseUrl); // after: an empty href names the base, but is no link
        String text = Excerpts.plainText(doc.body());
        Document clean = new Cleaner(SAFELIST).clean(doc);
        clean.outputSettings().prettyPrint(false);
        return new EntryContent(clean.body().html(), text, links);
    }
}
