package app.carnival.feed.parse;

import app.carnival.url.Urls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Reads a JSON Feed (<a href="https://www.jsonfeed.org/version/1.1/">1.0 and 1.1</a>) into the same
 * {@link ParsedFeed} an RSS or Atom feed gives. Lenient as feed readers are: a field of the wrong type
 * counts as absent, a numeric id is read as its text, 1.0's {@code author} and 1.1's {@code authors}
 * are both read.
 */
final class JsonFeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body that is meant as JSON (its first character, after white space, opens an object). */
    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }

    ParsedFeed read(String text, String feedUrl) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedParseException(
                    "not a feed: the JSON is malformed (line " + e.getLocation().getLineNr() + ")", e);
        }
        if (root == null
                || !root.isObject()
                || !root.path("items").isArray()
                || !string(root, "version")
                        .map(v -> v.startsWith("https://jsonfeed.org/version/"))
                        .orElse(true)) {
            throw new FeedParseException("not a feed: JSON, but not a JSON Feed (no \"items\" list)");
        }
        String base = Urls.resolve(feedUrl, string(root, "feed_url").orElse(null));
        if (base == null) {
            base = feedUrl;
        }
        List<ParsedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                ParsedEntry entry = entry(item, base);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        List<String> hubs = new ArrayList<>();
        for (JsonNode hub : root.path("hubs")) {
            // JSON Feed names the protocol of each hub; only WebSub's (or PubSubHubbub's, its old name) are ours.
            String type = string(hub, "type").orElse("").toLowerCase(java.util.Locale.ROOT);
            String url = Urls.resolve(base, string(hub, "url").orElse(null));
            if (url != null && (type.equals("websub") || type.equals("pubsubhubbub")) && !hubs.contains(url)) {
                hubs.add(url);
            }
        }
        return new ParsedFeed(
                string(root, "title").map(JsonFeedReader::oneLine).orElse(null),
                Urls.resolve(base, string(root, "home_page_url").orElse(null)),
                entries,
                null,
                hubs,
                Urls.resolve(feedUrl, string(root, "feed_url").orElse(null)));
    }

    /** Null for an item with neither id nor url: it could never be recognised again. */
    private static ParsedEntry entry(JsonNode item, String base) {
        String url = Urls.resolve(base, string(item, "url").orElse(null));
        JsonNode id = item.path("id");
        String guid = id.isTextual() || id.isIntegralNumber() ? blankToNull(id.asText()) : null;
        if (guid == null) {
            guid = url;
        }
        if (guid == null) {
            return null;
        }
        String html = string(item, "content_html").orElse(null);
        String text = html == null ? string(item, "content_text").orElse(null) : null;
        String summary = string(item, "summary").orElse(null);
        String content = html != null ? html : text != null ? paragraphs(text) : null;
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().trim());
            }
        }
        Instant published = date(item, "date_published");
        Instant updated = date(item, "date_modified");
        return new ParsedEntry(
                guid.trim(),
                url,
                string(item, "title").map(JsonFeedReader::oneLine).orElse(null),
                author(item),
                published != null ? published : updated,
                updated,
                List.copyOf(tags),
                content != null ? content : summary != null ? Entities.escape(summary) : "",
                content == null,
                url != null ? url : base);
    }

    /** 1.1's {@code authors} (the first with a name), else 1.0's {@code author}. */
    private static String author(JsonNode item) {
        for (JsonNode author : item.path("authors")) {
            Optional<String> name = string(author, "name");
            if (name.isPresent()) {
                return name.get();
            }
        }
        return string(item.path("author"), "name").orElse(null);
    }

    /** Plain text shown as HTML: escaped, a paragraph per blank-line-separated block. */
    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>")
                    .append(Entities.escape(block.strip()).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }

    private static Instant date(JsonNode node, String field) {
        return string(node, field)
                .map(value -> {
                    try {
                        return OffsetDateTime.parse(value).toInstant();
                    } catch (DateTimeParseException e) {
                        return null; // an unreadable date counts as none: the poller uses the first-seen time
                    }
                })
                .orElse(null);
    }

    private static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.ofNullable(blankToNull(value.asText())) : Optional.empty();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
