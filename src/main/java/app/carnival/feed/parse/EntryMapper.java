package app.carnival.feed.parse;

import app.carnival.url.Urls;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/** Turns one ROME entry into a {@link ParsedEntry}, resolving its links against the feed's base. */
final class EntryMapper {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Returns null for an entry with neither id nor link: it could never be recognised again. */
    ParsedEntry map(SyndEntry entry, String feedBase) {
        String entryXmlBase = Urls.resolve(feedBase, blankToNull(xmlBaseOf(entry)));
        String linkBase = entryXmlBase != null ? entryXmlBase : feedBase;
        String url = Urls.resolve(linkBase, blankToNull(link(entry)));
        String guid = blankToNull(entry.getUri());
        if (guid == null) {
            guid = url != null ? url : blankToNull(entry.getLink());
        }
        if (guid == null) {
            return null;
        }
        String content = firstNonBlankContent(entry.getContents(), isAtom(entry));
        SyndContent description = entry.getDescription();
        String summary = description == null ? null : blankToNull(description.getValue());
        String contentHtml = content != null ? content : summary != null ? asHtml(description, isAtom(entry)) : "";
        String baseUrl = entryXmlBase != null ? entryXmlBase : url != null ? url : feedBase;
        return new ParsedEntry(
                guid.trim(),
                url,
                plainText(entry.getTitleEx(), entry.getTitle()),
                author(entry),
                instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
                instant(entry.getUpdatedDate()),
                categories(entry),
                contentHtml,
                content == null,
                baseUrl);
    }

    /** Plain text of a title that may be declared (Atom type="html") or escaped as HTML. */
    static String plainText(SyndContent typed, String fallback) {
        String value = typed != null && typed.getValue() != null ? typed.getValue() : fallback;
        if (value == null) {
            return null;
        }
        String type = typed == null ? null : typed.getType();
        String text = "html".equals(type) || "xhtml".equals(type) || "text/html".equals(type)
                ? Jsoup.parse(value).text()
                : Entities.unescape(value);
        return blankToNull(hasWhitespaceRun(text) ? WHITESPACE.matcher(text).replaceAll(" ") : text);
    }

    /**
     * Whether {@link #WHITESPACE} would change the text: most titles have single spaces only, and the regex over every
     * new entry's title was 2% of a first poll's CPU (JFR, bench scenario first).
     */
    private static boolean hasWhitespaceRun(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' ? i + 1 < text.length() && text.charAt(i + 1) == ' ' : c <= '\r' && c >= '\t') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAtom(SyndEntry entry) {
        return entry.getWireEntry() instanceof Entry;
    }

    private static String xmlBaseOf(SyndEntry entry) {
        return entry.getWireEntry() instanceof Entry atomEntry ? atomEntry.getXmlBase() : null;
    }

    /**
     * ROME copies an RSS guid into a missing link, as isPermaLink allows; but many guids are
     * opaque ids, so such a link counts only when it is an absolute URL.
     */
    private static String link(SyndEntry entry) {
        if (entry.getWireEntry() instanceof Item item && blankToNull(item.getLink()) == null) {
            return Urls.resolve(null, entry.getLink());
        }
        return entry.getLink();
    }

    private static String firstNonBlankContent(List<SyndContent> contents, boolean atom) {
        for (SyndContent content : contents) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return asHtml(content, atom);
            }
        }
        return null;
    }

    /**
     * Atom text constructs without a type, or of type "text", are plain text and get escaped.
     * RSS descriptions are HTML by custom, whatever type ROME labels them with.
     */
    private static String asHtml(SyndContent content, boolean atom) {
        String value = content.getValue().trim();
        boolean plainText = "text".equals(content.getType()) || atom && content.getType() == null;
        return plainText ? Entities.escape(value) : value;
    }

    private static String author(SyndEntry entry) {
        String author = blankToNull(entry.getAuthor());
        if (author == null) {
            for (SyndPerson person : entry.getAuthors()) {
                author = blankToNull(person.getName());
                if (author != null) {
                    break;
                }
            }
        }
        return author == null ? null : author.trim();
    }

    /** Categories, plus Dublin Core subjects, which ROME does not merge for RSS 1.0. */
    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            addIfPresent(names, category.getName());
        }
        if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
            for (DCSubject subject : dc.getSubjects()) {
                addIfPresent(names, subject.getValue());
            }
        }
        return List.copyOf(names);
    }

    private static void addIfPresent(Set<String> names, String name) {
        String trimmed = blankToNull(name);
        if (trimmed != null) {
            names.add(trimmed);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
