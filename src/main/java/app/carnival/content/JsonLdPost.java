package app.carnival.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page's JSON-LD (schema.org, as Yoast, Blogger and most SEO plugins write it) says of its
 * post: the first {@code BlogPosting}, {@code Article} or {@code NewsArticle} node, else the
 * {@code WebPage} node, in plain objects, arrays of objects and {@code @graph} arrays.
 *
 * @param datePublished its {@code datePublished} text, or null
 * @param authorName    its author's name (a string, a person, or a reference to a person in the graph), or null
 */
record JsonLdPost(String datePublished, String authorName) {

    private static final Set<String> ARTICLE_TYPES = Set.of("BlogPosting", "Article", "NewsArticle");
    private static final String PAGE_TYPE = "WebPage";
    private static final Pattern CDATA_START = Pattern.compile("^\\s*(/\\*)?\\s*<!\\[CDATA\\[\\s*(\\*/)?");
    private static final Pattern CDATA_END = Pattern.compile("(/\\*)?\\s*]]>\\s*(\\*/)?\\s*$");

    static JsonLdPost of(Document page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            collect(Json.readOrNull(withoutCdata(script.data())), nodes);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.forEach(n -> {
            String id = Json.textOrNull(n.get("@id"));
            if (id != null) {
                byId.putIfAbsent(id, n);
            }
        });
        List<JsonNode> posts = new ArrayList<>();
        nodes.stream().filter(n -> hasType(n, ARTICLE_TYPES)).forEach(posts::add);
        nodes.stream().filter(n -> hasType(n, Set.of(PAGE_TYPE))).forEach(posts::add);
        String date = null;
        String author = null;
        for (JsonNode post : posts) {
            date = date != null ? date : Json.textOrNull(post.get("datePublished"));
            author = author != null ? author : authorName(post.get("author"), byId);
        }
        return new JsonLdPost(date, author);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into);
        }
    }

    private static boolean hasType(JsonNode node, Set<String> types) {
        JsonNode type = node.get("@type");
        List<JsonNode> named = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(named::add);
        } else if (type != null) {
            named.add(type);
        }
        return named.stream().map(Json::textOrNull).anyMatch(t -> t != null && types.contains(localName(t)));
    }

    /** {@code Article}, {@code schema:Article} and {@code https://schema.org/Article} name one type. */
    private static String localName(String type) {
        return type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
    }

    private static String authorName(JsonNode author, Map<String, JsonNode> byId) {
        if (author == null) {
            return null;
        }
        if (author.isArray()) {
            for (JsonNode one : author) {
                String name = authorName(one, byId);
                if (name != null) {
                    return name;
                }
            }
            return null;
        }
        if (author.isTextual()) {
            return Json.textOrNull(author);
        }
        String name = Json.textOrNull(author.get("name"));
        JsonNode referenced = byId.get(Json.textOrNull(author.get("@id")));
        return name != null || referenced == null ? name : Json.textOrNull(referenced.get("name"));
    }

    /** Some themes wrap the script's JSON in {@code <![CDATA[ ... ]]>}, commented out or not. */
    private static String withoutCdata(String data) {
        return CDATA_END.matcher(CDATA_START.matcher(data).replaceFirst("")).replaceFirst("");
    }
}
