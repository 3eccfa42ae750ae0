package app.carnival.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans feed HTML before it is stored: only a safe subset of markup survives, and links become
 * absolute (resolved against the entry's base) so they keep working wherever the content is shown.
 */
public final class ContentSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img") // images are not needed to match or excerpt and would hotlink third parties
            .addAttributes("a", "rel");

    private ContentSanitizer() {
    }

    public static String clean(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, baseUrl == null ? "" : baseUrl, SAFELIST, compact);
    }
}
