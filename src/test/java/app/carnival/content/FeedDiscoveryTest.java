package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {

    @Test
    void announcedFeedsAreAbsoluteWithRssAndAtomFirst() {
        var page = Jsoup.parse("""
                <html><head>
                <link rel="alternate" type="application/rdf+xml" href="/index.rdf">
                <link rel="stylesheet" type="text/css" href="/style.css">
                <link rel="Alternate" type="application/RSS+xml" href="feed/">
                <link rel="alternate" type="application/json" href="/feed.json">
                <link rel="alternate nofollow" type="application/atom+xml" href="https://other.example/atom.xml">
                <link rel="alternate" type="application/rss+xml" href="feed/">
                <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
                <link rel="alternate" type="text/html" href="/fr/">
                </head></html>
                """, "https://blog.example/blog/");

        assertThat(FeedDiscovery.announced(page))
                .containsExactly(
                        "https://blog.example/blog/feed/",
                        "https://other.example/atom.xml",
                        "https://blog.example/index.rdf");
    }

    @Test
    void baseHrefResolvesRelativeFeedLinks() {
        var page = Jsoup.parse(
                "<html><head><base href=\"https://cdn.example/site/\">"
                        + "<link rel=alternate type=application/atom+xml href=atom.xml></head></html>",
                "https://blog.example/");
        assertThat(FeedDiscovery.announced(page)).containsExactly("https://cdn.example/site/atom.xml");
    }

    @Test
    void aPageAnnouncingNothingHasNoFeeds() {
        assertThat(FeedDiscovery.announced(Jsoup.parse("<p>hi</p>", "https://blog.example/")))
                .isEmpty();
    }

    @Test
    void commonPathsLookBelowTheBlogPathThenAtTheRoot() {
        assertThat(FeedDiscovery.commonPaths("https://blog.example/"))
                .containsExactly(
                        "https://blog.example/feed",
                        "https://blog.example/rss",
                        "https://blog.example/atom.xml",
                        "https://blog.example/feed.xml",
                        "https://blog.example/index.xml",
                        "https://blog.example/rss.xml",
                        "https://blog.example/feeds/posts/default");
        assertThat(FeedDiscovery.commonPaths("https://host.example/~me/blog"))
                .hasSize(14)
                .startsWith("https://host.example/~me/blog/feed")
                .contains("https://host.example/feed");
        assertThat(FeedDiscovery.commonPaths("https://host.example")).first().isEqualTo("https://host.example/feed");
    }

    @Test
    void commonPathsKeepAnInternationalizedHostAndQuoteASegmentWithAColon() {
        assertThat(FeedDiscovery.commonPaths("https://bücher.example/blog?page=2"))
                .startsWith("https://bücher.example/blog/feed", "https://bücher.example/blog/rss");
        assertThat(FeedDiscovery.commonPaths("https://host.example/a:b"))
                .first()
                .isEqualTo("https://host.example/a:b/feed");
        assertThat(FeedDiscovery.commonPaths("ftp://host.example/")).isEmpty();
        assertThat(FeedDiscovery.commonPaths("https://exa mple.example/")).isEmpty();
    }

    @Test
    void announcedFeedLinksAreResolvedAsBrowsersResolveThem() {
        var page = Jsoup.parse(
                "<link rel=alternate type=application/rss+xml href=' feeds\\main feed.xml '>"
                        + "<link rel=alternate type=application/atom+xml href='https://exa mple.example/atom'>",
                "https://blog.example/");
        assertThat(FeedDiscovery.announced(page)).containsExactly("https://blog.example/feeds/main%20feed.xml");
    }

    @Test
    void htmlIsRecognisedByTypeOrByItsFirstCharacters() {
        byte[] html = "\n  <!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8);
        byte[] rss = "<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDiscovery.looksLikeHtml("text/html; charset=utf-8", rss)).isTrue();
        assertThat(FeedDiscovery.looksLikeHtml("text/plain", html)).isTrue();
        assertThat(FeedDiscovery.looksLikeHtml(null, "<HTML><body>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(FeedDiscovery.looksLikeHtml("application/xml", rss)).isFalse();
        assertThat(FeedDiscovery.looksLikeHtml(null, new byte[0])).isFalse();
    }

    @Test
    void aPostPagesBlogFeedIsNotOneOfItsCommentFeedsAndItsTitleNamesTheBlog() {
        var page = Jsoup.parse("""
                <head>
                <link rel="alternate" type="application/rss+xml" title="Pat&#039;s notes &raquo; Feed" href="/feed/">
                <link rel="alternate" type="application/rss+xml" title="Pat&#039;s notes &raquo; Comments Feed" href="/comments/feed/">
                <link rel="alternate" type="application/rss+xml" title="Post Comments Feed" href="/2024/05/post/feed/">
                </head>""", "https://pat.example/2024/05/post/");
        assertThat(FeedDiscovery.announcedBlogFeeds(page)).containsExactly("https://pat.example/feed/");
        assertThat(FeedDiscovery.siteName(page, "https://pat.example/feed/")).isEqualTo("Pat's notes");
        var blogger = Jsoup.parse(
                "<link rel='alternate' type='application/atom+xml' title='Wen writes - Atom' href='/feeds/posts/default'>",
                "https://wen.example/2024/05/a.html");
        assertThat(FeedDiscovery.siteName(blogger, "https://wen.example/feeds/posts/default"))
                .isEqualTo("Wen writes");
        var named = Jsoup.parse(
                "<meta property='og:site_name' content='Site'><link rel='alternate' type='application/rss+xml' title='Feed' href='/f'>",
                "https://s.example/p");
        assertThat(FeedDiscovery.siteName(named, "https://s.example/f")).isEqualTo("Site");
        var bare = Jsoup.parse(
                "<link rel='alternate' type='application/rss+xml' title='Feed' href='/f'>", "https://s.example/p");
        assertThat(FeedDiscovery.siteName(bare, "https://s.example/f")).isNull();
    }

    @Test
    void theBlogOfAFeedIsItsAddressWithoutTheUsualFeedPath() {
        assertThat(FeedDiscovery.blogOfFeed("https://host.example/bob/feed/")).isEqualTo("https://host.example/bob/");
        assertThat(FeedDiscovery.blogOfFeed("https://wen.example/feeds/posts/default"))
                .isEqualTo("https://wen.example/");
        assertThat(FeedDiscovery.blogOfFeed("https://x.example/atom.xml")).isEqualTo("https://x.example/");
        assertThat(FeedDiscovery.blogOfFeed("https://x.example/odd/stream.php")).isEqualTo("https://x.example/");
    }
}
