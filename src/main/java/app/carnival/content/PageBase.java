package app.carnival.content;

import app.carnival.url.Urls;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The URL a page's relative links resolve against: its first {@code <base href>}, else its own address. */
final class PageBase {

    private PageBase() {}

    /** @param page parsed with the address it was fetched from as its location */
    static String of(Document page) {
        String location = page.location().isEmpty() ? null : page.location();
        Element base = page.selectFirst("base[href]");
        String resolved = base == null ? null : Urls.resolve(location, base.attr("href"));
        return resolved != null ? resolved : location;
    }
}
