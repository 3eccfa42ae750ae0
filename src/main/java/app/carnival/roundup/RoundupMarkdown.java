package app.carnival.roundup;

import java.util.regex.Pattern;
import app.carnival.url.Links;

/**
 * The round-up as Markdown for the host's own post: the intro, then one line per response,
 * "participant — linked title — excerpt". Feed text is escaped so it cannot become markup or raw HTML.
 */
public final class RoundupMarkdown {

    /** Characters that are Markdown syntax anywhere in a line (emphasis, code, links, strikethrough). */
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]~])");
    /** What makes a line a heading or a bullet only at its start ("&gt;" for quotes is already an entity). */
    private static final Pattern BLOCK_MARK = Pattern.compile("^(#|[-+](?=\\s))");
    /** "2024. A year" would start a numbered list: the dot is escaped. */
    private static final Pattern ORDERED_MARK = Pattern.compile("^(\\d+)([.)])(?=\\s)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RoundupMarkdown() {
    }

    public static String write(RoundupView roundup) {
        StringBuilder md = new StringBuilder();
        for (String paragraph : RoundupIntro.paragraphs(roundup.assignment())) {
            md.append(text(paragraph)).append("\n\n");
        }
        for (RoundupView.Entry e : roundup.responses()) {
            md.append("- **").append(text(e.participant())).append("** — ");
            String url = Links.httpOrNull(e.url());
            String title = text(RoundupIntro.titleOf(e));
            md.append(url == null ? title : "[" + title + "](" + url(url) + ")");
            if (!e.excerpt().isBlank()) {
                md.append(" — ").append(text(e.excerpt()));
            }
            if (e.late()) {
                md.append(" _(late)_");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** One line of inert text: HTML characters as entities, Markdown syntax backslash-escaped. */
    static String text(String s) {
        String flat = WHITESPACE.matcher(s).replaceAll(" ").strip();
        String html = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String escaped = SPECIAL.matcher(html).replaceAll("\\\\$1");
        String noBlock = BLOCK_MARK.matcher(escaped).replaceFirst("\\\\$1");
        return ORDERED_MARK.matcher(noBlock).replaceFirst("$1\\\\$2");
    }

    /** A link destination cannot contain spaces or unbalanced parentheses: percent-encode them. */
    static String url(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }
}
