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

    private static final List<String> OTHER_FEED_TYPES =
            List.of("application/feed+json", "application/rdf+xml", "application/xml", "text/xml");

    /** Where the common blog engines put their feed (WordPress, Hugo, Jekyll, Blogger, Ghost, ...). */
    static final List<String> COMMON_PATHS =
            List.of("feed", "rss", "atom.xml", "feed.xml", "index.xml", "rss.xml", "feeds/posts/default");

    /** What engines append to a feed link's title: WordPress "» Feed", Blogger "- Atom", others "RSS Feed". */
    private static final java.util.regex.Pattern FEED_SUFFIX =
            java.util.regex.Pattern.compile("(?i)\\s*(?:[»«|:\\-–—]\\s*)?(?:rss\\s*2\\.0|rss|atom)?\\s*(?:feed)?\\s*$");

    private FeedDiscovery() {}

    /**
     * An address where a blog's feed may be. A guessed one (a usual feed path) is probed without following
     * redirects: many sites send any unknown path to their home page.
     */
    public record Candidate(String url, boolean guessed) {}

    /** The feeds a blog's page announces, then the usual addresses for the blog at {@code blogUrl}. */
    public static List<Candidate> blogFeeds(Document page, String blogUrl) {
        return candidates(announced(page), commonPaths(blogUrl));
    }

    /** Announced addresses first; a usual address that is also announced counts as announced. */
    private static List<Candidate> candidates(List<String> announced, List<String> guessed) {
        Set<String> seen = new LinkedHashSet<>(announced);
        List<Candidate> all = new ArrayList<>();
        announced.forEach(url -> all.add(new Candidate(url, false)));
        guessed.stream().filter(seen::add).forEach(url -> all.add(new Candidate(url, true)));
        return all;
    }

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
    public static List<Candidate> blogFeedsOfPost(Document page) {
        List<String> guessed = new ArrayList<>();
        WebUrl.tryParse(page.location()).ifPresent(p -> {
            String root = Urls.resolve(p.toString(), "/");
            COMMON_PATHS.forEach(c -> guessed.add(Urls.resolve(root, c)));
        });
        return candidates(announcedBlogFeeds(page), guessed);
    }

    /** The feeds a post page announces, without comment feeds (the site's, or the post's own under its path). */
    public static List<String> announcedBlogFeeds(Document page) {
        String postPath = WebUrl.tryParse(page.location()).map(WebUrl::path).orElse("/");
        List<String> urls = new ArrayList<>();
        for (String url : announced(page)) {
            String path = WebUrl.tryParse(url).map(WebUrl::path).orElse("");
            boolean underPost = postPath.length() > 1 && path.startsWith(postPath);
            if (!underPost && !path.toLowerCase(Locale.ROOT).contains("comments")) {
                urls.add(url);
            }
        }
        return urls;
    }

    /**
     * The blog a feed URL belongs to: the feed's address without the usual feed path
     * ({@code /bob/feed/} → {@code /bob/}), else the site's root.
     */
    public static String blogOfFeed(String feedUrl) {
        Optional<WebUrl> feed = WebUrl.tryParse(feedUrl);
        if (feed.isEmpty()) {
            return feedUrl;
        }
        String path = feed.get().path();
        String bare = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String common : COMMON_PATHS) {
            if (bare.endsWith("/" + common)) {
                return Urls.resolve(feed.get().toString(), bare.substring(0, bare.length() - common.length()));
            }
        }
        return Urls.resolve(feed.get().toString(), "/");
    }

    /**
     * The blog's name as its page gives it: {@code og:site_name}, else the title of the link that
     * announces the feed without the engines' suffixes ("Pat » Feed", "Wen writes - Atom"); null if neither.
     */
    public static String siteName(Document page, String feedUrl) {
        Element site = page.selectFirst("meta[property=og:site_name][content]");
        if (site != null && !site.attr("content").isBlank()) {
            return site.attr("content").strip();
        }
        String base = PageBase.of(page);
        for (Element link : page.select("link[rel][href][title]")) {
            if (isAlternate(link.attr("rel")) && feedUrl.equals(Urls.resolve(base, link.attr("href")))) {
                String name = FEED_SUFFIX
                        .matcher(link.attr("title").strip())
                        .replaceFirst("")
                        .strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
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
