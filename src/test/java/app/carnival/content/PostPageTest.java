package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PostPageTest {

    @Test
    void readsOpenGraphCanonicalDateTagsAndTheArticle() {
        PostPage page = PostPage.read(Jsoup.parse("""
                <html><head><title>Site | Post</title>
                <meta property="og:title" content="  The post  ">
                <meta property="article:published_time" content="2024-05-07T10:00:00+02:00">
                <meta property="article:tag" content="meme15"><meta property="article:tag" content="SQL">
                <link rel="canonical" href="/posts/the-post">
                </head><body><nav><a href="/">Home</a></nav><article><p>Body <a href="https://x.example/">x</a></p>
                <div class="comments"><a href="https://spam.example/">spam</a></div></article></body></html>
                """, "https://blog.example/posts/the-post?utm_source=x"));

        assertThat(page.url()).isEqualTo("https://blog.example/posts/the-post");
        assertThat(page.title()).isEqualTo("The post");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-07T08:00:00Z"));
        assertThat(page.tags()).containsExactly("meme15", "SQL");
        assertThat(page.contentHtml()).contains("x.example").doesNotContain("spam.example", "Home");
    }

    @Test
    void fallsBackToTitleTimeElementAndTheFetchedAddress() {
        PostPage page = PostPage.read(Jsoup.parse("""
                <html><head><title>Plain title</title><link rel="canonical" href="javascript:alert(1)"></head>
                <body><article><time datetime="2024-05-07">7 May</time>Text</article></body></html>
                """, "https://blog.example/p"));

        assertThat(page.url()).isEqualTo("https://blog.example/p");
        assertThat(page.title()).isEqualTo("Plain title");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-07T00:00:00Z"));
    }

    @Test
    void aSloppyCanonicalLinkResolvesAgainstTheBaseHrefAsBrowsersResolveIt() {
        PostPage page = PostPage.read(Jsoup.parse("""
                <html><head><base href="https://bücher.example/blog/"><link rel="canonical" href=" 2024\\mein beitrag ">
                </head><body>Text</body></html>
                """, "https://bücher.example/p?id=7"));

        assertThat(page.url()).isEqualTo("https://bücher.example/blog/2024/mein%20beitrag");
    }

    @Test
    void aCanonicalLinkWithAnInvalidHostFallsBackToTheFetchedAddress() {
        PostPage page = PostPage.read(Jsoup.parse(
                "<html><head><link rel=canonical href='https://exa mple.example/p'></head></html>",
                "https://blog.example/p"));

        assertThat(page.url()).isEqualTo("https://blog.example/p");
    }

    @Test
    void unreadableOrMissingDatesAreNull() {
        assertThat(PostPage.parseDate("yesterday")).isNull();
        assertThat(PostPage.parseDate("")).isNull();
        assertThat(PostPage.parseDate("2024-05-07T10:00:00Z")).isEqualTo(Instant.parse("2024-05-07T10:00:00Z"));
        assertThat(PostPage.read(Jsoup.parse("<p>x</p>", "https://b.example/")).published())
                .isNull();
    }
}
