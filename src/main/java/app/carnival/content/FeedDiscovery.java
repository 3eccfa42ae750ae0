package app.carnival.content;

import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where a blog says its feed is, decided from a page already fetched: the pure half of feed
 * autodiscovery ({@link FeedLocator} does the fetching).
 */
public final class FeedDiscovery {

    /** Feed types a page announces, best first: RSS and Atom are what blogs publish and what the poller reads best. */
    private static final List<String> PREFERRED_TYPES = List.of("application/rss+xml", "application/atom+xml");

    private static final List<String> OTHER_FEED_TYPES = List.of("application/rdf+xml", "application/xml", "text/xml");

    /** Where the common blog engines put their feed (WordPress, Hugo, Jekyll, Blogger, Ghost, ...). */
    static final List<String> COMMON_PATHS =
            List.of("feed", "rss", "atom.xml", "feed.xml", "index.xml", "rss.xml", "feeds/posts/default");

    private FeedDiscovery() {}

    /**
     * Feeds the page announces with {@code <link rel="alternate" type="...">}, as absolute URLs
     * (relative hrefs resolved against the page, or its {@code <base href>}), RSS and Atom first,
     * then RDF/XML ones, each in document order, without duplicates.
     */
    public static List<String> announced(Document page) {
        String base = PageBase.of(page);
        Set<String> preferred = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (Element link : page.select("link[rel][href][type]")) {
            if (!isAlternate(link.attr("rel"))) {
                continue;
            }
            String type = link.attr("type").trim().toLowerCase(Locale.ROOT);
            String url = Urls.resolve(base, link.attr("href"));
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                continue;
            }
            if (PREFERRED_TYPES.contains(type)) {
                preferred.add(url);
            } else if (OTHER_FEED_TYPES.contains(type)) {
                others.add(url);
            }
        }
        List<String> all = new ArrayList<>(preferred);
        others.stream().filter(u -> !preferred.contains(u)).forEach(all::add);
        return all;
    }

    /**
     * The usual feed addresses for a blog at {@code blogUrl}: below the blog's own path first (a
     * blog at {@code /blog/} or {@code /blog} has its feed at {@code /blog/feed}), then at the site
     * root. None for a URL that is not http(s).
     */
    public static List<String> commonPaths(String blogUrl) {
        Optional<WebUrl> blog = WebUrl.tryParse(blogUrl);
        if (blog.isEmpty()) {
            return List.of();
        }
        String path = blog.get().path();
        // "./" keeps a last segment with a colon from reading as a scheme
        String dirRef = path.endsWith("/") ? "." : "./" + path.substring(path.lastIndexOf('/') + 1) + "/";
        String dir = Urls.resolve(blog.get().toString(), dirRef);
        String root = Urls.resolve(dir, "/");
        Set<String> urls = new LinkedHashSet<>();
        for (String base : List.of(dir, root)) {
            for (String p : COMMON_PATHS) {
                urls.add(Urls.resolve(base, p));
            }
        }
        return new ArrayList<>(urls);
    }

    /**
     * Where the blog feed of a post page may be: the feeds it announces except comment feeds
     * (WordPress announces the site's and the post's own comment feeds next to the blog feed), then
     * the usual addresses at the site root.
     */
    public static List<String> blogFeedsOfPost(Document page) {
        Optional<WebUrl> post = WebUrl.tryParse(page.location());
        String postPath = post.map(WebUrl::path).orElse("/");
        Set<String> urls = new LinkedHashSet<>();
        for (String url : announced(page)) {
            String path = WebUrl.tryParse(url).map(WebUrl::path).orElse("");
            boolean underPost = postPath.length() > 1 && path.startsWith(postPath);
            if (!underPost && !path.toLowerCase(Locale.ROOT).contains("comments")) {
                urls.add(url);
            }
        }
        post.ifPresent(p -> {
            String root = Urls.resolve(p.toString(), "/");
            COMMON_PATHS.forEach(c -> urls.add(Urls.resolve(root, c)));
        });
        return new ArrayList<>(urls);
    }

    /** A response that is a web page rather than a feed: said so by its type, or by how its text starts. */
    public static boolean looksLikeHtml(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml+xml")) {
            return true;
        }
        int n = Math.min(body.length, 512);
        String start = new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static boolean isAlternate(String rel) {
        for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("alternate")) {
                return true;
            }
        }
        return false;
    }
}
