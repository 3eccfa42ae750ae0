package app.carnival.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * When a post page says its post was published, from the sources it can be trusted with, most
 * trusted first: the {@code h-entry}'s {@code dt-published}, {@code article:published_time} (and
 * the like), JSON-LD {@code datePublished}, Dublin Core metadata, then a date marked published or
 * a {@code <time datetime>} inside the article. A date elsewhere on the page (a sidebar's recent
 * posts, a comment) is another post's, so none of these found means no date: null.
 */
final class PublicationDate {

    private static final List<String> ARTICLE_META =
            List.of("meta[property=article:published_time]", "meta[name=article:published_time]");

    private static final List<String> OTHER_META =
            List.of("meta[name=date]", "meta[name=dc.date]", "meta[name=DC.date.issued]");

    /** Dates the article marks as its publication (schema.org microdata, microformats 1 and 2). */
    private static final String MARKED = "[itemprop=datePublished], .published, .dt-published";

    private static final String TIME = "time[datetime]:not(.updated):not([itemprop=dateModified])";

    /** RFC 3339 allows a space between date and time; some pages write the offset without a colon. */
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private PublicationDate() {}

    /**
     * @param entry the page's own h-entry, or null
     * @param ld    what the page's JSON-LD says of the post
     */
    static Instant of(Document page, Element entry, JsonLdPost ld) {
        Instant date = null;
        if (entry != null) {
            Element published = Microformats.property(entry, "dt-published");
            date = published == null ? null : parse(Microformats.datetime(published));
        }
        date = date != null ? date : meta(page, ARTICLE_META);
        date = date != null ? date : parse(ld.datePublished());
        date = date != null ? date : meta(page, OTHER_META);
        Element article = ArticleScope.of(page);
        if (date == null && article != null) {
            date = inArticle(article, MARKED);
            date = date != null ? date : inArticle(article, TIME);
        }
        return date;
    }

    /**
     * ISO 8601 / RFC 3339: an instant, a date-time with offset, one without (taken as UTC), or a
     * plain date (UTC midnight); null for anything else.
     */
    static Instant parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        v = OFFSET_WITHOUT_COLON
                .matcher(SPACE_BEFORE_TIME.matcher(v).replaceFirst("$1T$2"))
                .replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return v.length() > 10
                        ? LocalDateTime.parse(v).toInstant(ZoneOffset.UTC)
                        : LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static Instant meta(Document page, List<String> selectors) {
        for (String selector : selectors) {
            for (Element meta : page.select(selector)) {
                Instant date = parse(meta.attr("content"));
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static Instant inArticle(Element article, String selector) {
        for (Element e : ArticleScope.all(article, selector)) {
            Instant date = parse(e.hasAttr("content") ? e.attr("content") : Microformats.datetime(e));
            if (date != null) {
                return date;
            }
        }
        return null;
    }
}
