package app.carnival.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {

    private static final String PAGE_URL = "https://jo.example.net/2024/05/answer";
    private static final String INVITATION = "https://host.example.com/2024/05/meme15";

    private static String wordpressPage(String articleBody) {
        return """
                <html><head><title>My answer</title></head><body>
                <header><nav><a href="/">Home</a><a href="%1$s">This month's meme</a></nav></header>
                <div id="content">
                  <article class="post">
                    <header class="entry-header"><a href="/2024/05/answer">My answer</a></header>
                    <div class="entry-content">%2$s</div>
                    <footer class="entry-footer"><a href="/tag/meme15">meme15</a></footer>
                  </article>
                  <div id="comments"><a href="%1$s">commenter linking the invitation</a></div>
                </div>
                <aside class="sidebar"><div class="widget"><a href="%1$s">Blogroll: the meme</a></div></aside>
                <footer><a href="%1$s">footer link</a></footer>
                </body></html>""".formatted(INVITATION, articleBody);
    }

    @Test
    void linkInTheArticleBodyCounts() {
        String page = wordpressPage("<p>Answering <a href=\"" + INVITATION + "\">the invitation</a>.</p>");
        assertEquals(List.of(INVITATION), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void sidebarNavigationCommentsAndFooterLinksToTheInvitationDoNotCount() {
        String page = wordpressPage("<p>Just my thoughts, <a href=\"/about\">about me</a>.</p>");
        assertEquals(List.of("https://jo.example.net/about"), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void bloggerPostBodyIsUsed() {
        String page = """
                <html><body><div class="sidebar"><a href="%1$s">meme</a></div>
                <div class="post"><h3>Answer</h3><div class="post-body entry-content-blogger">
                <a href="%1$s">invitation</a></div></div></body></html>""".formatted(INVITATION);
        assertEquals(List.of(INVITATION), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void articleBodyMicrodataIsPreferredToTheWholeArticle() {
        String page = """
                <html><body><article>
                <div class="share"><a href="https://social.example/share">share</a></div>
                <div itemprop="articleBody"><a href="%s">invitation</a></div>
                </article></body></html>""".formatted(INVITATION);
        assertEquals(List.of(INVITATION), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void fallsBackToMainThenBodyWithoutBoilerplate() {
        String withMain = "<html><body><nav><a href='/nav'>n</a></nav><main><a href='/in-main'>m</a></main>"
                + "<a href='/outside'>o</a></body></html>";
        assertEquals(List.of("https://jo.example.net/in-main"), ArticleLinks.mainContentLinks(withMain, PAGE_URL));

        String bare = "<html><body><aside><a href='/aside'>a</a></aside><p><a href='/text'>t</a></p>"
                + "<div class='related'><a href='/related'>r</a></div></body></html>";
        assertEquals(List.of("https://jo.example.net/text"), ArticleLinks.mainContentLinks(bare, PAGE_URL));
    }

    @Test
    void chosenElementIsKeptEvenWhenItLooksLikeBoilerplate() {
        String page = "<html><body><main class='widget'><a href='/in'>in</a></main></body></html>";
        assertEquals(List.of("https://jo.example.net/in"), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void honoursBaseHref() {
        String page = """
                <html><head><base href="https://cdn.example.org/mirror/"></head>
                <body><article><a href="meme15">invitation</a></article></body></html>""";
        assertEquals(List.of("https://cdn.example.org/mirror/meme15"), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void relativeLinksResolveAgainstThePageUrl() {
        List<String> links =
                ArticleLinks.mainContentLinks("<article><a href='../../2024/04/older'>older</a></article>", PAGE_URL);
        assertEquals(List.of("https://jo.example.net/2024/04/older"), links);
    }

    @Test
    void emptyPageHasNoLinks() {
        assertTrue(ArticleLinks.mainContentLinks("", PAGE_URL).isEmpty());
        assertTrue(ArticleLinks.mainContentLinks(null, PAGE_URL).isEmpty());
        assertEquals(List.of(), ArticleLinks.mainContentLinks("<a href='/x'>x</a>", null));
    }
}
