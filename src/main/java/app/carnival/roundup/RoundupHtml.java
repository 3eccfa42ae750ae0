package app.carnival.roundup;

import app.carnival.url.Links;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The round-up as an HTML snippet for the host's own post: intro paragraphs, then a list of
 * "participant — linked title — excerpt". Built with jsoup (text is escaped as it is set) and then
 * passed through a Safelist, so only plain markup and http(s) links can come out.
 */
public final class RoundupHtml {

    private static final Safelist SNIPPET = Safelist.basic()
            .removeEnforcedAttribute("a", "rel")
            .addAttributes("a", "rel")
            .addAttributes("ul", "class");

    private RoundupHtml() {}

    public static String write(RoundupView roundup) {
        Document doc = Document.createShell("");
        Element body = doc.body();
        for (String paragraph : RoundupIntro.paragraphs(roundup.assignment())) {
            body.appendElement("p").text(paragraph);
        }
        Element list = body.appendElement("ul").addClass("carnival-roundup");
        for (RoundupView.Entry e : roundup.responses()) {
            Element item = list.appendElement("li");
            item.appendElement("strong").text(e.participant());
            item.appendText(" — ");
            String url = Links.httpOrNull(e.url());
            String title = RoundupIntro.titleOf(e);
            if (url == null) {
                item.appendText(title);
            } else {
                item.appendElement("a")
                        .attr("href", url)
                        .attr("rel", "nofollow ugc")
                        .text(title);
            }
            if (!e.excerpt().isBlank()) {
                item.appendText(" — " + e.excerpt());
            }
            if (e.late()) {
                item.appendText(" (late)");
            }
        }
        Document.OutputSettings pretty = new Document.OutputSettings().prettyPrint(true);
        return Jsoup.clean(body.html(), "", SNIPPET, pretty) + "\n";
    }
}
