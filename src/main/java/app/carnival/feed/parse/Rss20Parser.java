package app.carnival.feed.parse;

import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.impl.RSS20Parser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Date;
import java.util.Locale;
import org.jdom2.Element;

/**
 * ROME's RSS 2.0 parser, but an item's {@code pubDate} in the usual RFC 1123 form is read with java.time.
 * ROME reads each date with a new lenient {@code SimpleDateFormat}, which builds the names of the days and
 * months into maps at every parse: 12% of a first poll's CPU (JFR, bench scenario first). Any other form
 * (two-digit year, zone names, impossible dates) is left to ROME, so a date reads to what ROME makes of it.
 * Registered in {@code rome.properties} under ROME's own type, which it replaces.
 */
public class Rss20Parser extends RSS20Parser {

    /**
     * The JDK's RFC 1123 form, but strict: its lenient digits read a two-digit year as the year 24, where ROME
     * reads 2024. Every field has its exact width, and an impossible date or weekday is refused.
     */
    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart()
            .appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT)
            .appendLiteral(", ")
            .optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT)
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.US)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public Item parseItem(Element rssRoot, Element eItem, Locale locale) {
        Element pubDate = eItem.getChild("pubDate", getRSSNamespace());
        Instant published = pubDate == null ? null : rfc1123(pubDate.getText());
        if (published == null) {
            return super.parseItem(rssRoot, eItem, locale);
        }
        // ROME's item parse reads the pubDate and nothing else of it: hide it from that read only.
        int at = eItem.indexOf(pubDate);
        pubDate.detach();
        try {
            Item item = super.parseItem(rssRoot, eItem, locale);
            item.setPubDate(Date.from(published));
            return item;
        } finally {
            eItem.addContent(at, pubDate);
        }
    }

    /** The instant, or null when the text is not a valid RFC 1123 date with a four-digit year and GMT or an offset. */
    static Instant rfc1123(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), RFC_1123).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
