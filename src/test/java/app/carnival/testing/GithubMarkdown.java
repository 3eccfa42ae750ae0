package app.carnival.testing;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown the way GitHub renders it, as far as links go: CommonMark plus GFM's extended
 * autolinks (www. addresses and bare URLs) and strikethrough. E-mail autolinks are left out: the
 * autolink library takes any non-ASCII character for part of an address, where GitHub does not.
 */
public final class GithubMarkdown {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(
                    AutolinkExtension.builder()
                            .linkTypes(AutolinkType.URL, AutolinkType.WWW)
                            .build(),
                    StrikethroughExtension.create()))
            .build();

    private GithubMarkdown() {}

    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Every node below {@code root} (itself excluded), in document order. */
    public static List<Node> nodes(Node root) {
        List<Node> all = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            all.add(child);
            all.addAll(nodes(child));
        }
        return all;
    }

    /** Every node of this type below {@code root}, in document order. */
    public static <T extends Node> List<T> nodes(Node root, Class<T> type) {
        return nodes(root).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The text a reader sees in {@code node}: its text nodes joined, without invisible word joiners. */
    public static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString().replace("\u2060", "");
    }
}
