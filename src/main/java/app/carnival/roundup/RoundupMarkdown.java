package app.carnival.roundup;

import app.carnival.url.Links;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.CoreMarkdownNodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * The round-up as Markdown for the host's own post: the intro, then one line per response,
 * "participant — linked title — excerpt". Built as a CommonMark document whose feed text is only
 * ever text nodes, and rendered by commonmark-java, which escapes whatever would be markup or raw
 * HTML (GFM strikethrough included).
 */
public final class RoundupMarkdown {

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder()
            .nodeRendererFactory(new MarkdownNodeRendererFactory() {
                @Override
                public NodeRenderer create(MarkdownNodeRendererContext context) {
                    return new LeadingPlusEscaper(context);
                }

                @Override
                public Set<Character> getSpecialCharacters() {
                    return Set.of();
                }
            })
            .extensions(List.of(StrikethroughExtension.create()))
            .build();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * Where GitHub-flavoured renderers turn plain text into a link by themselves: "www." and "://"
     * (extended autolinks). Escaping cannot stop that, since the text itself is what is linked; an
     * invisible word joiner right there can.
     */
    private static final Pattern AUTOLINK_TRIGGER = Pattern.compile("(?i)(?<=www)(?=\\.)|(?<=:)(?=//)");

    private static final String WORD_JOINER = "\u2060";
    private static final String SEPARATOR = " — ";

    private RoundupMarkdown() {}

    public static String write(RoundupView roundup) {
        Document doc = new Document();
        for (String paragraph : RoundupIntro.paragraphs(roundup.assignment())) {
            doc.appendChild(paragraph(text(paragraph)));
        }
        if (!roundup.responses().isEmpty()) {
            BulletList list = new BulletList();
            list.setMarker("-");
            list.setTight(true);
            roundup.responses().forEach(e -> list.appendChild(item(e)));
            doc.appendChild(list);
        }
        return RENDERER.render(doc);
    }

    private static ListItem item(RoundupView.Entry e) {
        StrongEmphasis participant = new StrongEmphasis("**");
        participant.appendChild(text(e.participant()));
        Paragraph line = paragraph(participant, new Text(SEPARATOR));
        String url = Links.httpOrNull(e.url());
        Text title = text(RoundupIntro.titleOf(e));
        if (url == null) {
            line.appendChild(title);
        } else {
            Link link = new Link(url(url), null);
            link.appendChild(title);
            line.appendChild(link);
        }
        if (!e.excerpt().isBlank()) {
            line.appendChild(new Text(SEPARATOR));
            line.appendChild(text(e.excerpt()));
        }
        if (e.late()) {
            Emphasis late = new Emphasis("_");
            late.appendChild(new Text("(late)"));
            line.appendChild(new Text(" "));
            line.appendChild(late);
        }
        ListItem item = new ListItem();
        item.appendChild(line);
        return item;
    }

    private static Paragraph paragraph(Node... children) {
        Paragraph p = new Paragraph();
        for (Node child : children) {
            p.appendChild(child);
        }
        return p;
    }

    /** Feed text as one line of a text node, defused where a GFM renderer would autolink it. */
    static Text text(String s) {
        String line = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return new Text(AUTOLINK_TRIGGER.matcher(line).replaceAll(WORD_JOINER));
    }

    /** A link destination cannot contain spaces or unbalanced parentheses: percent-encode them. */
    static String url(String url) {
        return url.replace(" ", "%20")
                .replace("(", "%28")
                .replace(")", "%29")
                .replace("<", "%3C")
                .replace(">", "%3E");
    }

    /**
     * commonmark-java's renderer (0.32.0) escapes a "-" that would start a bullet list, but not a "+":
     * this escapes that one and leaves the rest of the text to the core renderer.
     */
    private static final class LeadingPlusEscaper implements NodeRenderer {

        private final MarkdownWriter writer;
        private final CoreMarkdownNodeRenderer core;

        LeadingPlusEscaper(MarkdownNodeRendererContext context) {
            this.writer = context.getWriter();
            this.core = new CoreMarkdownNodeRenderer(context);
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class);
        }

        @Override
        public void render(Node node) {
            Text text = (Text) node;
            if (writer.isAtLineStart() && text.getLiteral().startsWith("+")) {
                writer.raw("\\+");
                text.setLiteral(text.getLiteral().substring(1)); // the document is built for this one rendering
            }
            core.render(text);
        }
    }
}
