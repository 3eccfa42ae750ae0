package app.carnival.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The little of microformats2 parsing a post page needs: the page's own {@code h-entry}, the
 * properties that belong to a microformat (not to one nested in it), and property values.
 */
final class Microformats {

    /** Entries nested in these are quoted posts, comments or sidebar lists, not the page's post. */
    private static final Evaluator NOT_THE_PAGES_ENTRY =
            PageRegions.any(".h-entry, .h-cite", PageRegions.COMMENTS, PageRegions.SIDEBARS);

    /** Which attribute holds a property's value, by element (microformats2 parsing, p- and dt- properties). */
    private static final Map<String, String> TEXT_ATTRIBUTES =
            Map.of("abbr", "title", "data", "value", "input", "value", "img", "alt", "area", "alt");

    private static final Map<String, String> DATETIME_ATTRIBUTES = Map.of(
            "time",
            "datetime",
            "ins",
            "datetime",
            "del",
            "datetime",
            "abbr",
            "title",
            "data",
            "value",
            "input",
            "value");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?([Zz]|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern ZONE = Pattern.compile("[Zz]|[+-]\\d{2}:?\\d{2}");

    private Microformats() {}

    /** The first {@code h-entry} that is not nested in another entry or citation, nor in comments or a sidebar; null if none. */
    static Element mainEntry(Document page) {
        for (Element entry : page.select(".h-entry")) {
            if (!PageRegions.inside(entry.parent(), null, NOT_THE_PAGES_ENTRY)) {
                return entry;
            }
        }
        return null;
    }

    /** The first element of class {@code property} (e.g. {@code p-name}) that belongs to {@code root}; null if none. */
    static Element property(Element root, String property) {
        for (Element e : root.select("." + property)) {
            if (e != root && belongsTo(e, root)) {
                return e;
            }
        }
        return null;
    }

    /** A microformat root: one of its classes is {@code h-*}. */
    static boolean isRoot(Element e) {
        for (String name : e.classNames()) {
            if (name.startsWith("h-") && name.length() > 2) {
                return true;
            }
        }
        return false;
    }

    /** A {@code p-*} property's value: an {@code abbr}'s title, a {@code data}'s value, an image's alt text, else the text. */
    static String text(Element e) {
        return valueOf(e, TEXT_ATTRIBUTES);
    }

    /**
     * A {@code dt-*} property's value: the value-class pattern's parts (a date, a time, a time
     * zone) joined into one ISO 8601 text, else a {@code datetime}, {@code title} or {@code value}
     * attribute as the element calls for, else the text.
     */
    static String datetime(Element e) {
        List<String> parts = new ArrayList<>();
        for (Element part : e.select(".value, .value-title")) {
            if (part != e) {
                parts.add(
                        part.hasClass("value-title") ? part.attr("title").strip() : valueOf(part, DATETIME_ATTRIBUTES));
            }
        }
        return parts.isEmpty() ? valueOf(e, DATETIME_ATTRIBUTES) : joined(parts);
    }

    private static String valueOf(Element e, Map<String, String> attributes) {
        String attribute = attributes.get(e.normalName());
        return attribute != null && e.hasAttr(attribute) ? e.attr(attribute).strip() : e.text();
    }

    private static String joined(List<String> parts) {
        String date = first(parts, DATE);
        String time = first(parts, TIME);
        if (date == null || time == null) {
            return parts.get(0);
        }
        Matcher timeParts = TIME.matcher(time);
        String zone = timeParts.matches() && timeParts.group(2) == null ? first(parts, ZONE) : null;
        String paddedTime = time.indexOf(':') == 1 ? "0" + time : time;
        return date + "T" + paddedTime + (zone == null ? "" : zone);
    }

    private static String first(List<String> parts, Pattern pattern) {
        return parts.stream()
                .filter(p -> pattern.matcher(p).matches())
                .findFirst()
                .orElse(null);
    }

    private static boolean belongsTo(Element e, Element root) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
            if (isRoot(p)) {
                return false;
            }
        }
        return false;
    }
}
