package app.carnival.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** What WordPress (classic and block themes, Jetpack) and Blogger put around a post that links elsewhere. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<div id='comments'>%s</div>",
                "<div class='comments-area'>%s</div>",
                "<ol class='comment-list'><li>%s</li></ol>",
                "<ol class='commentlist'><li>%s</li></ol>",
                "<div class='wp-block-comments'>%s</div>",
                "<div id='respond' class='comment-respond'>%s</div>",
                "<section class='comments threaded'>%s</section>",
                "<div id='secondary' class='widget-area'>%s</div>",
                "<div class='sidebar'>%s</div>",
                "<div class='widget PopularPosts'>%s</div>",
                "<div class='sharedaddy sd-sharing-enabled'>%s</div>",
                "<div id='jp-relatedposts' class='jp-relatedposts'>%s</div>",
                "<div class='wp-block-query'><ul class='wp-block-post-template'><li>%s</li></ul></div>",
                "<ul class='wp-block-latest-posts'><li>%s</li></ul>",
                "<nav class='navigation post-navigation'>%s</nav>"
            })
    void linksAroundThePostInsideTheContainerDoNotCount(String around) {
        String page = "<html><body><main><p><a href='/mine'>mine</a></p>"
                + around.formatted("<a href='" + INVITATION + "'>elsewhere</a>") + "</main></body></html>";
        assertEquals(List.of("https://jo.example.net/mine"), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void bloggersBlogWidgetIsThePostNotASidebar() {
        String page = "<html><body><main><div class='widget Blog'><div class='post'><p><a href='" + INVITATION
                + "'>invitation</a></p></div></div></main></body></html>";
        assertEquals(List.of(INVITATION), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void theMainHEntrysContentIsPreferredToItsReplyContextAndTheUsualContainers() {
        String page = """
                <html><body><article class="h-entry">
                <div class="u-in-reply-to h-cite"><div class="e-content"><a href="/quoted">quoted</a></div></div>
                <div class="entry-content"><a href="/theme-wrapper">wrapper</a>
                <div class="e-content"><a href="%s">invitation</a></div></div>
                </article></body></html>""".formatted(INVITATION);
        assertEquals(List.of(INVITATION), ArticleLinks.mainContentLinks(page, PAGE_URL));
    }

    @Test
    void wordpressAndBloggerAndIndieWebPagesGiveTheirArticlesLinks() {
        String tt1 = HtmlFixtures.text("/content/wordpress-tt1-post.html");
        String blogger = HtmlFixtures.text("/content/blogger-post.html");
        String indieweb = HtmlFixtures.text("/content/indieweb-post.html");
        String invitation = "https://host.example.com/2024/05/07/tsql-tuesday-174-invitation/";

        assertEquals(
                List.of(invitation, "https://learn.example.org/sql/t-sql/queries/hints-transact-sql-table"),
                ArticleLinks.mainContentLinks(tt1, "https://jo.example.net/2024/05/14/p/"));
        assertEquals(
                List.of(invitation, "https://lee-dba.blogspot.com/2023/10/apply.html"),
                ArticleLinks.mainContentLinks(blogger, "https://lee-dba.blogspot.com/2024/05/p.html"));
        assertEquals(
                List.of(invitation, "https://mo.example/2023/09/what-is-a-join"),
                ArticleLinks.mainContentLinks(indieweb, "https://mo.example/2024/05/three-questions"));
    }
}
