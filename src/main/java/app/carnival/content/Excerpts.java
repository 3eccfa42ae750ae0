package app.carnival.content;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Plain text and short excerpts of post HTML, for matching and for round-ups. */
public final class Excerpts {

    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s\\p{Z},;:]+$");
    private static final String ELLIPSIS = "…";

    private Excerpts() {}

    /** The visible text of the HTML, whitespace (including no-break spaces) collapsed to single spaces. */
    public static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return plainText(Jsoup.parse(html).body());
    }

    /** The visible text under an already parsed element, as {@link #plainText(String)}. */
    public static String plainText(Element root) {
        return collapseWhitespace(root.text());
    }

    /**
     * Runs of whitespace and space separators (no-break spaces among them) as one space, none at the ends.
     * A loop, not a regex: it runs over the whole text of every new post, and the regex cost a tenth of a
     * first poll. jsoup's text already collapses the usual spaces, so most texts come back as they are.
     */
    static String collapseWhitespace(String text) {
        return isCollapsed(text) ? text : collapse(text);
    }

    /** No space at either end, no two in a row, and no whitespace but the plain space. */
    private static boolean isCollapsed(String text) {
        int last = text.length() - 1;
        if (last >= 0 && (text.charAt(0) == ' ' || text.charAt(last) == ' ')) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            boolean needsWork = c == ' ' ? text.charAt(i - 1) == ' ' : c < ' ' || (c >= 0x80 && isSpace(c));
            if (needsWork) {
                return false;
            }
        }
        return true;
    }

    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * The plain text, or when longer than {@code maxChars} its longest prefix of whole words that
     * fits together with a trailing "…". A first word longer than that is cut mid-word.
     */
    public static String excerpt(String html, int maxChars) {
        return shorten(plainText(html), maxChars);
    }

    /** Plain text cut as {@link #excerpt(String, int)} does. */
    public static String shorten(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        if (text.length() <= maxChars) {
            return text;
        }
        int room = maxChars - ELLIPSIS.length();
        int cut = text.lastIndexOf(' ', room);
        if (cut <= 0) {
            // a single over-long first word: cut it, but not between the halves of a surrogate pair
            cut = room > 0 && Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
        }
        return TRAILING_SEPARATORS.matcher(text.substring(0, cut)).replaceAll("") + ELLIPSIS;
    }
}
