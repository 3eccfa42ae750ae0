package app.carnival.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Blogs for the intake scenario, as static files under nginx: each blog lives at its own path prefix
 * ({@code /k0007/}) on one of nginx's loopback hosts, with post pages shaped like WordPress 6 and its
 * default theme render them (≈ 18 KB: theme head with the feeds announced, navigation, the article
 * whose {@code .entry-content} links to the invitation, author box, comments, sidebar widgets — one
 * of them linking to the invitation too, which must not count — and footer) and an RSS 2.0 feed of
 * its ten latest posts at {@code /k0007/feed/}. Every post page answers the invitation: it carries
 * the hashtag and an {@code article:published_time} inside the assignment's window.
 */
final class SourcePages {

    /** A blog: its home page URL (the participant's blog URL), its feed and its post pages (the sources). */
    record Blog(String name, String url, String feedUrl, List<String> posts) {}

    /** Items in a blog's feed (WordPress' default "Syndication feeds show the most recent 10 items"). */
    static final int FEED_ITEMS = 10;

    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PATH_DATE =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUMAN_DATE =
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("""
            the a of to and in is that it for on with as was this be are by at from have or an not but
            they which you one all were we when there can more if will about out so up what some would
            database query index server latency backup replica schema migration transaction deadlock
            plan cache memory storage cluster partition statistics optimizer lock page buffer checkpoint
            log vacuum performance tuning monitoring alert dashboard team meeting career learning
            community conference talk question answer story mistake lesson advice tool script release
            """).trim().split("\\s+");

    private final Path root;
    private final Nginx nginx;
    private final String invitation;
    private final String hashtag;
    private final Instant base;

    /**
     * @param root  nginx's document root
     * @param base  the newest post is published 6 hours before it; older ones 6 hours apart
     */
    SourcePages(Path root, Nginx nginx, String invitation, String hashtag, Instant base) {
        this.root = root;
        this.nginx = nginx;
        this.invitation = invitation;
        this.hashtag = hashtag;
        this.base = base;
    }

    /**
     * Writes one blog: {@code answers} post pages (each a source) and its feed.
     *
     * @param prefix path prefix letter ({@code k} registered, {@code u} unknown): fixed width, so that
     *               no blog's path is a prefix of another's
     * @param host   which of nginx's loopback hosts serves it
     */
    Blog write(String prefix, int number, int host, int answers) throws IOException {
        String path = String.format(Locale.ROOT, "%s%04d", prefix, number);
        String blogUrl = nginx.url(host, path + "/");
        String name = "Notes from " + path;
        Random r = new Random(path.hashCode());
        List<String> posts = new ArrayList<>();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < Math.max(answers, FEED_ITEMS); i++) {
            boolean answering = i < answers;
            Instant published = base.minus(Duration.ofHours(6L * (i + 1)));
            String title = answering ? "My answer to #" + hashtag + ", part " + (i + 1) : sentence(r, 5);
            String slug =
                    title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            String postPath = path + "/" + PATH_DATE.format(published) + slug + "/";
            String postUrl = blogUrl + PATH_DATE.format(published) + slug + "/";
            String article = article(r, answering);
            if (answering) {
                posts.add(postUrl);
                Path file = root.resolve(postPath).resolve("index.html");
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file,
                        page(blogUrl, name, postUrl, 1000 + i, title, published, article, r),
                        StandardCharsets.UTF_8);
            }
            if (i < FEED_ITEMS) {
                item(items, blogUrl, postUrl, 1000 + i, title, published, article);
            }
        }
        Path feed = root.resolve(path).resolve("feed/index.xml");
        Files.createDirectories(feed.getParent());
        Files.writeString(feed, feed(blogUrl, name, items), StandardCharsets.UTF_8);
        return new Blog(name, blogUrl, blogUrl + "feed/", List.copyOf(posts));
    }

    private String article(Random r, boolean answering) {
        StringBuilder sb = new StringBuilder(6000);
        if (answering) {
            sb.append("<p>This month&#8217;s <a href=\"")
                    .append(invitation)
                    .append("\">invitation</a> asks a good question, and here is my answer. #")
                    .append(hashtag)
                    .append("</p>\n");
        }
        int sections = 3 + r.nextInt(2);
        for (int s = 0; s < sections; s++) {
            sb.append("<h2 class=\"wp-block-heading\">").append(sentence(r, 4)).append("</h2>\n");
            for (int p = 0; p < 3; p++) {
                sb.append("<p>").append(sentence(r, 14 + r.nextInt(10)));
                if (r.nextInt(3) == 0) {
                    sb.append(" <a href=\"https://docs.example.com/")
                            .append(word(r))
                            .append('/')
                            .append(word(r))
                            .append("/\">")
                            .append(words(r, 3))
                            .append("</a>");
                }
                sb.append(" <strong>")
                        .append(words(r, 3))
                        .append("</strong> ")
                        .append(words(r, 12 + r.nextInt(8)))
                        .append(".</p>\n");
            }
            if (s == 1) {
                sb.append("<ul class=\"wp-block-list\">\n");
                for (int i = 0; i < 4; i++) {
                    sb.append("<li>").append(sentence(r, 8)).append("</li>\n");
                }
                sb.append("</ul>\n");
            }
            if (s == 2) {
                sb.append("<pre class=\"wp-block-code\"><code>SELECT name, total FROM report\n"
                        + "WHERE total &gt; 10\nORDER BY total DESC;</code></pre>\n");
            }
        }
        return sb.toString();
    }

    private String page(
            String blog, String name, String post, int id, String title, Instant published, String article, Random r) {
        String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published.atOffset(ZoneOffset.UTC));
        StringBuilder sb = new StringBuilder(16_000);
        sb.append("<!doctype html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>")
                .append(title)
                .append(" &#8211; ")
                .append(name)
                .append("</title>\n<meta name='robots' content='max-image-preview:large' />\n")
                .append("<link rel='dns-prefetch' href='//fonts.googleapis.com' />\n")
                .append(alternate(name + " &raquo; Feed", blog + "feed/"))
                .append(alternate(name + " &raquo; Comments Feed", blog + "comments/feed/"))
                .append(alternate(name + " &raquo; " + title + " Comments Feed", post + "feed/"))
                .append(
                        "<script>\nwindow._wpemojiSettings = {\"baseUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/\",")
                .append(
                        "\"ext\":\".png\",\"svgUrl\":\"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/svg\\/\",\"svgExt\":\".svg\",")
                .append("\"source\":{\"concatemoji\":\"")
                .append(blog.replace("/", "\\/"))
                .append("wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.5.3\"}};\n")
                .append("/*! This file is auto-generated */\n")
                .append(
                        "!function(i,n){var o,s,e;function c(e){try{var t={supportTests:e,timestamp:(new Date).valueOf()};")
                .append(
                        "sessionStorage.setItem(o,JSON.stringify(t))}catch(e){}}function p(e,t,n){e.clearRect(0,0,e.canvas.width,")
                .append(
                        "e.canvas.height),e.fillText(t,0,0);var t=new Uint32Array(e.getImageData(0,0,e.canvas.width,e.canvas.height)")
                .append(
                        ".data),r=(e.clearRect(0,0,e.canvas.width,e.canvas.height),e.fillText(n,0,0),new Uint32Array(e.getImageData")
                .append(
                        "(0,0,e.canvas.width,e.canvas.height).data));return t.every(function(e,t){return e===r[t]})}}(window,document);\n")
                .append(
                        "</script>\n<style id='wp-emoji-styles-inline-css'>\n\timg.wp-smiley, img.emoji {\n\t\tdisplay: inline !important;\n")
                .append("\t\tborder: none !important;\n\t\tbox-shadow: none !important;\n\t\theight: 1em !important;\n")
                .append(
                        "\t\twidth: 1em !important;\n\t\tmargin: 0 0.07em !important;\n\t\tvertical-align: -0.1em !important;\n")
                .append("\t\tbackground: none !important;\n\t\tpadding: 0 !important;\n\t}\n</style>\n")
                .append("<style id='classic-theme-styles-inline-css'>\n")
                .append(
                        "/*! This file is auto-generated */\n.wp-block-button__link{color:#fff;background-color:#32373c;")
                .append(
                        "border-radius:9999px;box-shadow:none;text-decoration:none;padding:calc(.667em + 2px) calc(1.333em + 2px);")
                .append(
                        "font-size:1.125em}.wp-block-file__button{background:#32373c;color:#fff;text-decoration:none}\n")
                .append("body{--wp--preset--color--black: #000000;--wp--preset--color--cyan-bluish-gray: #abb8c3;")
                .append(
                        "--wp--preset--color--white: #ffffff;--wp--preset--color--pale-pink: #f78da7;--wp--preset--color--vivid-red: #cf2e2e;")
                .append(
                        "--wp--preset--color--luminous-vivid-orange: #ff6900;--wp--preset--color--luminous-vivid-amber: #fcb900;")
                .append(
                        "--wp--preset--font-size--small: 13px;--wp--preset--font-size--medium: 20px;--wp--preset--font-size--large: 36px;")
                .append(
                        "--wp--preset--spacing--20: 0.44rem;--wp--preset--spacing--30: 0.67rem;--wp--preset--spacing--40: 1rem;}\n")
                .append(
                        ":where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}body .is-layout-flex{display: flex;}\n")
                .append("</style>\n<link rel='stylesheet' id='twenty-twenty-one-style-css' href='")
                .append(blog)
                .append("wp-content/themes/twentytwentyone/style.css?ver=2.2' media='all' />\n")
                .append("<link rel='stylesheet' id='twenty-twenty-one-print-style-css' href='")
                .append(blog)
                .append("wp-content/themes/twentytwentyone/assets/css/print.css?ver=2.2' media='print' />\n")
                .append("<link rel=\"https://api.w.org/\" href=\"")
                .append(blog)
                .append("wp-json/\" />\n<link rel=\"alternate\" type=\"application/json\" href=\"")
                .append(blog)
                .append("wp-json/wp/v2/posts/")
                .append(id)
                .append("\" />\n<link rel=\"EditURI\" type=\"application/rsd+xml\" title=\"RSD\" href=\"")
                .append(blog)
                .append("xmlrpc.php?rsd\" />\n<meta name=\"generator\" content=\"WordPress 6.5.3\" />\n")
                .append("<link rel=\"canonical\" href=\"")
                .append(post)
                .append("\" />\n<link rel='shortlink' href='")
                .append(blog)
                .append("?p=")
                .append(id)
                .append(
                        "' />\n<meta property=\"og:type\" content=\"article\" />\n<meta property=\"og:title\" content=\"")
                .append(title)
                .append("\" />\n<meta property=\"og:url\" content=\"")
                .append(post)
                .append("\" />\n<meta property=\"og:site_name\" content=\"")
                .append(name)
                .append("\" />\n<meta property=\"article:published_time\" content=\"")
                .append(iso)
                .append("\" />\n<meta property=\"article:modified_time\" content=\"")
                .append(iso)
                .append("\" />\n</head>\n\n<body class=\"post-template-default single single-post postid-")
                .append(id)
                .append(
                        " single-format-standard wp-embed-responsive is-light-theme no-js singular has-main-navigation\">\n")
                .append("<div id=\"page\" class=\"site\">\n")
                .append("<a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n")
                .append("<header id=\"masthead\" class=\"site-header has-title-and-tagline has-menu\">\n")
                .append("<div class=\"site-branding\"><p class=\"site-title\"><a href=\"")
                .append(blog)
                .append("\" rel=\"home\">")
                .append(name)
                .append("</a></p><p class=\"site-description\">Notes on data, code and community</p></div>\n")
                .append("<nav id=\"site-navigation\" class=\"primary-navigation\" aria-label=\"Primary menu\">\n")
                .append("<div class=\"primary-menu-container\"><ul id=\"primary-menu-list\" class=\"menu-wrapper\">\n");
        for (String item : List.of("", "about/", "talks/", "archive/", "contact/")) {
            sb.append("<li class=\"menu-item menu-item-type-post_type\"><a href=\"")
                    .append(blog)
                    .append(item)
                    .append("\">")
                    .append(item.isEmpty() ? "Home" : capitalize(item.replace("/", "")))
                    .append("</a></li>\n");
        }
        sb.append("</ul></div>\n</nav>\n</header>\n\n<div id=\"content\" class=\"site-content\">\n")
                .append("<div id=\"primary\" class=\"content-area\">\n<main id=\"main\" class=\"site-main\">\n")
                .append("<article id=\"post-")
                .append(id)
                .append("\" class=\"post-")
                .append(id)
                .append(" post type-post status-publish format-standard hentry category-community tag-")
                .append(hashtag)
                .append(" entry\">\n<header class=\"entry-header alignwide\">\n<h1 class=\"entry-title\">")
                .append(title)
                .append("</h1>\n</header>\n<div class=\"entry-content\">\n")
                .append(article)
                .append("</div><!-- .entry-content -->\n<footer class=\"entry-footer default-max-width\">\n")
                .append(
                        "<div class=\"posted-by\"><span class=\"posted-on\">Published <time class=\"entry-date published updated\" datetime=\"")
                .append(iso)
                .append("\">")
                .append(HUMAN_DATE.format(published))
                .append("</time></span><span class=\"byline\">By <a href=\"")
                .append(blog)
                .append("author/admin/\" rel=\"author\">The author</a></span></div>\n")
                .append("<div class=\"post-taxonomies\"><span class=\"cat-links\">Categorized as <a href=\"")
                .append(blog)
                .append(
                        "category/community/\" rel=\"category tag\">Community</a> </span><span class=\"tags-links\">Tagged <a href=\"")
                .append(blog)
                .append("tag/")
                .append(hashtag)
                .append("/\" rel=\"tag\">")
                .append(hashtag)
                .append("</a></span></div>\n</footer>\n</article>\n")
                .append(
                        "<div class=\"author-bio show-avatars\"><div class=\"author-bio-content\"><h2 class=\"author-title\">By The author</h2>\n")
                .append("<p class=\"author-description\">")
                .append(sentence(r, 20))
                .append("</p><a class=\"author-link\" href=\"")
                .append(blog)
                .append("author/admin/\" rel=\"author\">View all of The author&#039;s posts.</a></div></div>\n")
                .append("<div id=\"comments\" class=\"comments-area default-max-width show-avatars\">\n")
                .append("<h2 class=\"comments-title\">3 comments on &ldquo;")
                .append(title)
                .append("&rdquo;</h2>\n<ol class=\"comment-list\">\n");
        for (int c = 1; c <= 3; c++) {
            sb.append("<li id=\"comment-")
                    .append(c)
                    .append("\" class=\"comment even thread-even depth-1\">\n<article id=\"div-comment-")
                    .append(c)
                    .append(
                            "\" class=\"comment-body\">\n<footer class=\"comment-meta\"><div class=\"comment-author vcard\">")
                    .append("<b class=\"fn\"><a href=\"https://reader")
                    .append(c)
                    .append(".example.org/\" class=\"url\" rel=\"ugc external nofollow\">Reader ")
                    .append(c)
                    .append(
                            "</a></b> <span class=\"says\">says:</span></div>\n<div class=\"comment-metadata\"><a href=\"")
                    .append(post)
                    .append("#comment-")
                    .append(c)
                    .append("\"><time datetime=\"")
                    .append(iso)
                    .append("\">")
                    .append(HUMAN_DATE.format(published))
                    .append("</time></a></div></footer>\n<div class=\"comment-content\"><p>")
                    .append(sentence(r, 18))
                    .append(" See also <a href=\"")
                    .append(invitation)
                    .append("\" rel=\"nofollow ugc\">the invitation</a>.</p></div>\n")
                    .append("<div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"")
                    .append(post)
                    .append("?replytocom=")
                    .append(c)
                    .append("#respond\">Reply</a></div>\n</article>\n</li>\n");
        }
        sb.append(
                        "</ol>\n<div id=\"respond\" class=\"comment-respond\"><h2 id=\"reply-title\" class=\"comment-reply-title\">Leave a comment</h2>")
                .append("<form action=\"")
                .append(blog)
                .append("wp-comments-post.php\" method=\"post\" id=\"commentform\" class=\"comment-form\" novalidate>")
                .append(
                        "<p class=\"comment-form-comment\"><label for=\"comment\">Comment</label> <textarea id=\"comment\" name=\"comment\" ")
                .append("cols=\"45\" rows=\"5\" maxlength=\"65525\" required></textarea></p><p class=\"form-submit\">")
                .append(
                        "<input name=\"submit\" type=\"submit\" id=\"submit\" class=\"submit\" value=\"Post Comment\" />")
                .append("<input type='hidden' name='comment_post_ID' value='")
                .append(id)
                .append("' id='comment_post_ID' /></p></form></div>\n</div><!-- #comments -->\n")
                .append("<nav class=\"navigation post-navigation\" aria-label=\"Posts\"><div class=\"nav-links\">")
                .append("<div class=\"nav-previous\"><a href=\"")
                .append(blog)
                .append("?p=")
                .append(id - 1)
                .append("\" rel=\"prev\"><p class=\"meta-nav\">Previous post</p><p class=\"post-title\">")
                .append(sentence(r, 5))
                .append(
                        "</p></a></div></div></nav>\n</main><!-- #main -->\n</div><!-- #primary -->\n</div><!-- #content -->\n")
                .append(
                        "<aside class=\"widget-area\">\n<section id=\"search-2\" class=\"widget widget_search\"><form role=\"search\" ")
                .append("method=\"get\" class=\"search-form\" action=\"")
                .append(blog)
                .append(
                        "\"><label for=\"search-form-1\">Search&hellip;</label><input type=\"search\" id=\"search-form-1\" ")
                .append(
                        "class=\"search-field\" value=\"\" name=\"s\" /><input type=\"submit\" class=\"search-submit\" value=\"Search\" />")
                .append("</form></section>\n<section id=\"recent-posts-2\" class=\"widget widget_recent_entries\">")
                .append("<h2 class=\"widget-title\">Recent Posts</h2><nav aria-label=\"Recent Posts\"><ul>\n");
        for (int i = 0; i < 5; i++) {
            sb.append("<li><a href=\"")
                    .append(blog)
                    .append("?p=")
                    .append(id - 2 - i)
                    .append("\">")
                    .append(sentence(r, 5))
                    .append("</a></li>\n");
        }
        sb.append("</ul></nav></section>\n<section id=\"carnivals-2\" class=\"widget widget_text\">")
                .append(
                        "<h2 class=\"widget-title\">Blog carnivals</h2><div class=\"textwidget\"><p>I take part in <a href=\"")
                .append(invitation)
                .append("\">this month&#8217;s carnival</a>.</p></div></section>\n")
                .append(
                        "<section id=\"archives-2\" class=\"widget widget_archive\"><h2 class=\"widget-title\">Archives</h2>")
                .append("<nav aria-label=\"Archives\"><ul>\n");
        for (int m = 1; m <= 12; m++) {
            sb.append("<li><a href='")
                    .append(blog)
                    .append(String.format(Locale.ROOT, "2024/%02d/", m))
                    .append("'>")
                    .append(java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL, Locale.US))
                    .append(" 2024</a></li>\n");
        }
        sb.append("</ul></nav></section>\n</aside><!-- .widget-area -->\n")
                .append(
                        "<footer id=\"colophon\" class=\"site-footer\">\n<div class=\"site-info\"><div class=\"site-name\"><a href=\"")
                .append(blog)
                .append("\">")
                .append(name)
                .append(
                        "</a></div><div class=\"powered-by\">Proudly powered by <a href=\"https://wordpress.org/\">WordPress</a>.</div>")
                .append("</div>\n</footer>\n</div><!-- #page -->\n")
                .append("<script id=\"twenty-twenty-one-ie11-polyfills-js-after\">\n")
                .append(
                        "( Element.prototype.matches && Element.prototype.closest && window.NodeList && NodeList.prototype.forEach ) ")
                .append("|| document.write( '<script src=\"")
                .append(blog)
                .append(
                        "wp-content/themes/twentytwentyone/assets/js/polyfills.js?ver=2.2\"></scr' + 'ipt>' );\n</script>\n")
                .append("<script src=\"")
                .append(blog)
                .append(
                        "wp-content/themes/twentytwentyone/assets/js/primary-navigation.js?ver=2.2\" id=\"twenty-twenty-one-")
                .append("primary-navigation-script-js\"></script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String alternate(String title, String href) {
        return "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + title + "\" href=\"" + href
                + "\" />\n";
    }

    private void item(
            StringBuilder sb, String blog, String postUrl, int id, String title, Instant published, String article) {
        sb.append("\t<item>\n\t\t<title>")
                .append(title)
                .append("</title>\n\t\t<link>")
                .append(postUrl)
                .append("</link>\n\t\t<comments>")
                .append(postUrl)
                .append("#respond</comments>\n\t\t<dc:creator><![CDATA[The author]]></dc:creator>\n\t\t<pubDate>")
                .append(RFC822.format(published))
                .append("</pubDate>\n\t\t<category><![CDATA[Community]]></category>\n")
                .append("\t\t<guid isPermaLink=\"false\">")
                .append(blog)
                .append("?p=")
                .append(id)
                .append("</guid>\n\t\t<description><![CDATA[")
                .append(article.replaceAll("<[^>]+>", "").substring(0, 200))
                .append(" [&#8230;]]]></description>\n\t\t<content:encoded><![CDATA[")
                .append(article)
                .append("]]></content:encoded>\n\t</item>\n");
    }

    private String feed(String blog, String name, StringBuilder items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
                	xmlns:content="http://purl.org/rss/1.0/modules/content/"
                	xmlns:dc="http://purl.org/dc/elements/1.1/"
                	xmlns:atom="http://www.w3.org/2005/Atom"
                	>
                <channel>
                	<title>%s</title>
                	<atom:link href="%sfeed/" rel="self" type="application/rss+xml" />
                	<link>%s</link>
                	<description>Notes on data, code and community</description>
                	<lastBuildDate>%s</lastBuildDate>
                	<language>en-US</language>
                	<generator>https://wordpress.org/?v=6.5.3</generator>
                %s</channel>
                </rss>
                """.formatted(name, blog, blog, RFC822.format(base), items);
    }

    private static String sentence(Random r, int n) {
        return capitalize(words(r, n));
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word(r));
        }
        return sb.toString();
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
