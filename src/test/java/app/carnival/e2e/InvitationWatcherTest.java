package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.intake.InvitationWatcher;
import app.carnival.intake.MentionWorker;
import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9's WordPress invitation: two pingbacks from unregistered blogs (a WordPress one, a
 * Blogger one on the second comment page), a commenter whose website is a third blog's response, a
 * spam comment linking to a page without a link-back, and a trackback from a post outside the window.
 * The invitation is on blog.carnival.test; every other blog on 127.0.0.1 (one test server, two hosts).
 */
@QuarkusTest
class InvitationWatcherTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    InvitationWatcher watcher;

    @Inject
    MentionWorker worker;

    static final Instant OPENS = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final Instant CLOSES = OPENS.plus(10, ChronoUnit.DAYS);
    static final Instant ANSWERED = OPENS.plus(2, ChronoUnit.DAYS);

    static String hostUrl(String path) {
        return "http://blog.carnival.test:" + server.port() + path;
    }

    static String rfc1123(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    /** A WordPress (Twenty Twenty-One) post page answering the invitation. */
    static String wordpressPost(String title, String published, String invitation) {
        return """
                <!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
                <title>%1$s &#8211; Pat&#039;s WordPress</title>
                <link rel="alternate" type="application/rss+xml" title="Pat &raquo; Feed" href="/wp-pat/feed/">
                <link rel="alternate" type="application/rss+xml" title="Pat &raquo; Comments Feed" href="/wp-pat/comments/feed/">
                <meta property="og:title" content="%1$s">
                <meta property="article:published_time" content="%2$s">
                </head><body class="post-template-default single single-post postid-7">
                <div id="page" class="site"><main id="main" class="site-main">
                <article id="post-7" class="post-7 post type-post status-publish entry">
                <header class="entry-header alignwide"><h1 class="entry-title">%1$s</h1></header>
                <div class="entry-content"><p>My answer to <a href="%3$s">this month&#8217;s invitation</a>.</p></div>
                </article>
                <div id="comments" class="comments-area default-max-width"></div>
                </main></div></body></html>""".formatted(title, published, invitation);
    }

    /** A Blogger post page: its date only in its Atom feed's entry (the page's markup gives none it can trust). */
    static String bloggerPost(String invitation) {
        return """
                <!DOCTYPE html><html dir='ltr' lang='en'><head><title>Wen writes: my favourite tool</title>
                <link rel="alternate" type="application/atom+xml" title="Wen writes - Atom" href="/blogger-wen/feeds/posts/default">
                <meta content='blogger' name='generator'/></head><body class='item-view'>
                <div class='post-outer'><div class='post'>
                <h3 class='post-title entry-title'>My favourite tool</h3>
                <div class='post-body entry-content' id='post-body-1'><p>For <a href='%s'>the party</a>: a pencil.</p></div>
                </div></div>
                <section class='comments' id='comments'></section></body></html>""".formatted(invitation);
    }

    static String bloggerFeed(String postUrl, Instant published) {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-1</id>
                <title type='text'>Wen writes</title><updated>%2$s</updated>
                <link rel='alternate' type='text/html' href='%3$s'/>
                <entry><id>tag:blogger.com,1999:blog-1.post-1</id><published>%2$s</published><updated>%2$s</updated>
                <title type='text'>My favourite tool</title><content type='html'>&lt;p&gt;A pencil.&lt;/p&gt;</content>
                <link rel='alternate' type='text/html' href='%1$s' title='My favourite tool'/></entry></feed>""".formatted(postUrl, published, server.url("/blogger-wen/"));
    }

    static String rss(String title, String site, String postUrl, Instant published) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>%s</link>
                <description>d</description><item><title>Answer</title><link>%s</link>
                <guid isPermaLink="false">%s?p=7</guid><pubDate>%s</pubDate>
                <description><![CDATA[A teaser]]></description></item></channel></rss>""".formatted(title, site, postUrl, site, rfc1123(published));
    }

    static String comment(int id, String authorHtml, String body, String invitation) {
        return """
                <li id="comment-%1$d" class="comment even thread-even depth-1">
                <article id="div-comment-%1$d" class="comment-body">
                <footer class="comment-meta"><div class="comment-author vcard">
                <img alt='' src='https://secure.gravatar.com/avatar/abc?s=60' class='avatar avatar-60 photo' height='60' width='60'>
                <b class="fn">%2$s</b> <span class="says">says:</span></div>
                <div class="comment-metadata"><a href="%4$s#comment-%1$d"><time datetime="2026-11-28T10:00:00+00:00">November 28</time></a></div>
                </footer><div class="comment-content"><p>%3$s</p></div>
                <div class="reply"><a rel='nofollow' class='comment-reply-link' href='%4$s?replytocom=%1$d#respond'>Reply</a></div>
                </article></li>""".formatted(id, authorHtml, body, invitation);
    }

    static String pingback(int id, String kind, String url, String title) {
        return """
                <li id="comment-%1$d" class="%2$s even thread-odd thread-alt depth-1">
                <div class="comment-body">%3$s: <a href="%4$s" class="url" rel="ugc external nofollow">%5$s</a></div></li>""".formatted(id, kind, kind.equals("pingback") ? "Pingback" : "Trackback", url, title);
    }

    static String invitationPage(String invitation, String comments, String navigation) {
        return """
                <!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Blog party: your favourite tool</title>
                <link rel="alternate" type="application/rss+xml" href="/host/feed/"></head>
                <body class="post-template-default single single-post postid-42">
                <main id="main" class="site-main"><article id="post-42" class="post-42 post entry">
                <div class="entry-content"><p>Write about your favourite tool and link back here.</p>
                <p>Last month: <a href="http://127.0.0.1:%3$d/wp-pat/2020/old-party/">a post of Pat's</a>.</p></div>
                </article>
                <div id="comments" class="comments-area default-max-width show-avatars">
                <h2 class="comments-title">5 comments on &ldquo;Blog party&rdquo;</h2>
                <ol class="comment-list">%1$s</ol>%2$s
                <div id="respond" class="comment-respond"><form action="/wp-comments-post.php" method="post"></form></div>
                </div></main>
                <aside class="widget-area"><a href="http://127.0.0.1:%3$d/sidebar-blog/">A blog I like</a></aside>
                </body></html>""".formatted(comments, navigation, server.port());
    }

    @Test
    void theWatcherFindsExactlyTheThreeResponsesAmongPingbacksCommentsSpamAndALateTrackback() {
        String invitation = hostUrl("/host/2026/blog-party/");
        String wpPost = server.url("/wp-pat/2026/my-tool/");
        String bloggerPost = server.url("/blogger-wen/2026/11/my-favourite-tool.html");
        String carolPost = server.url("/carol/posts/tool.html");
        String spamPage = server.url("/spam/pills/");
        String oldPost = server.url("/late-lou/2026/old-tool-post/");

        server.serve("/wp-pat/2026/my-tool/", "text/html", wordpressPost("My tool", ANSWERED.toString(), invitation));
        server.serve(
                "/wp-pat/feed/",
                "application/rss+xml",
                rss("Pat's WordPress", server.url("/wp-pat/"), wpPost, ANSWERED));
        server.serve("/blogger-wen/2026/11/my-favourite-tool.html", "text/html", bloggerPost(invitation));
        server.serve("/blogger-wen/feeds/posts/default", "application/atom+xml", bloggerFeed(bloggerPost, ANSWERED));
        server.serve("/carol/posts/tool.html", "text/html", """
                <!DOCTYPE html><html><head><title>Tool</title><link rel="alternate" type="application/atom+xml" href="/carol/atom.xml"></head>
                <body><article class="h-entry"><h1 class="p-name">The tool I use</h1>
                <time class="dt-published" datetime="%s">then</time>
                <div class="e-content"><p>Answering <a href="%s">the blog party</a>.</p></div></article></body></html>""".formatted(ANSWERED, invitation));
        server.serve(
                "/carol/atom.xml",
                "application/atom+xml",
                bloggerFeed(carolPost, ANSWERED)
                        .replace("Wen writes", "Carol's notes")
                        // Carol's own blog: under Wen's address her participant would own Wen's post
                        .replace(server.url("/blogger-wen/"), server.url("/carol/")));
        server.serve(
                "/spam/pills/",
                "text/html",
                "<!DOCTYPE html><html><head><title>Pills</title></head><body><article><p>Cheap pills.</p></article></body></html>");
        server.serve(
                "/late-lou/2026/old-tool-post/",
                "text/html",
                wordpressPost("An old post", OPENS.minus(40, ChronoUnit.DAYS).toString(), invitation)
                        .replace("/wp-pat/feed/", "/late-lou/feed/"));
        server.serve(
                "/late-lou/feed/",
                "application/rss+xml",
                rss("Lou", server.url("/late-lou/"), oldPost, OPENS.minus(40, ChronoUnit.DAYS)));

        String page1 = invitationPage(
                invitation,
                pingback(11, "pingback", wpPost, "My tool &#8211; Pat&#039;s WordPress")
                        + comment(
                                12,
                                "<a href=\"" + carolPost + "\" class=\"url\" rel=\"ugc external nofollow\">Carol</a>",
                                "Mine is up!",
                                invitation)
                        + comment(
                                13,
                                "Cheap Meds",
                                "Great post! <a href=\"" + spamPage + "\" rel=\"nofollow ugc\">best prices</a>",
                                invitation),
                "<nav class=\"navigation comment-navigation\" aria-label=\"Comments\"><div class=\"nav-links\">"
                        + "<div class=\"nav-next\"><a href=\"" + invitation
                        + "comment-page-2/#comments\">Newer comments</a></div></div></nav>");
        String page2 = invitationPage(
                invitation,
                pingback(14, "pingback", bloggerPost, "Wen writes: my favourite tool")
                        + pingback(15, "trackback", oldPost, "An old post"),
                "");
        server.serve("/host/2026/blog-party/", "text/html", page1);
        server.serve("/host/2026/blog-party/comment-page-2/", "text/html", page2);

        String token = Api.createSeries("watch", "watch");
        Map<String, Object> body = new HashMap<>(Api.assignment(invitation, OPENS.toString(), CLOSES.toString(), 0));
        Api.createAssignment("watch", token, body).statusCode(201);

        List<InvitationWatcher.Check> checks = watcher.checkDue();
        assertThat(checks)
                .filteredOn(c -> c.url().equals(invitation))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.candidates()).isEqualTo(5);
                    assertThat(c.queued()).isEqualTo(5);
                });
        worker.drain();

        List<Map<String, Object>> responses = hostResponses(token);
        assertThat(responses).extracting(r -> r.get("url")).containsExactlyInAnyOrder(wpPost, bloggerPost, carolPost);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r).containsEntry("state", "PENDING").containsEntry("source", "COMMENT");
            assertThat((String) r.get("reason")).contains("on the invitation").contains("links to the invitation");
        });
        Map<String, String> reasons =
                responses.stream().collect(Collectors.toMap(r -> (String) r.get("url"), r -> (String) r.get("reason")));
        assertThat(reasons.get(wpPost)).startsWith("found by pingback on the invitation");
        assertThat(reasons.get(carolPost)).startsWith("found as a commenter's website on the invitation");
        List<Map<String, Object>> participants = given().get("/api/series/watch/participants")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        assertThat(participants).extracting(p -> p.get("origin")).containsOnly("DISCOVERED");
        assertThat(participants)
                .extracting(p -> p.get("feedUrl"))
                .containsExactlyInAnyOrder(
                        server.url("/wp-pat/feed/"),
                        server.url("/blogger-wen/feeds/posts/default"),
                        server.url("/carol/atom.xml"));

        List<Map<String, Object>> mentions = given().header("Authorization", "Bearer " + token)
                .get("/api/series/watch/assignments/1/mentions")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        Map<String, Map<String, Object>> bySource =
                mentions.stream().collect(Collectors.toMap(m -> (String) m.get("source"), m -> m));
        assertThat(bySource.get(spamPage)).containsEntry("status", "rejected");
        assertThat((String) bySource.get(spamPage).get("detail")).contains("no link to the invitation");
        assertThat(bySource.get(oldPost)).containsEntry("status", "rejected");
        assertThat((String) bySource.get(oldPost).get("detail")).contains("before the assignment opened");
        assertThat(mentions).hasSize(5);

        given().get("/api/series/watch/assignments/1/roundup").then().body("count", equalTo(0));
        for (Map<String, Object> r : responses) {
            given().header("Authorization", "Bearer " + token)
                    .contentType("application/json")
                    .body(Map.of("state", "AUTO"))
                    .patch("/api/series/watch/assignments/1/responses/" + r.get("id"))
                    .then()
                    .statusCode(200);
        }
        given().get("/api/series/watch/assignments/1/roundup").then().body("count", equalTo(3));
        given().get("/series/watch/1")
                .then()
                .body(containsString("The tool I use"))
                .body(containsString("My tool"));
        given().get("/api/series/watch/assignments/1/roundup.atom").then().body(containsString("favourite tool"));
        given().get("/api/series/watch/assignments/1/roundup.md").then().body(containsString("[The tool I use]"));

        // The discovered blogs' feeds list the same posts: nothing twice. The invitation is unchanged (304).
        Api.pollSeries("watch", token)
                .statusCode(200)
                .body("newResponses", equalTo(0))
                .body("invitations[0].result", equalTo("not modified"));
        given().get("/api/series/watch/assignments/1/roundup").then().body("count", equalTo(3));

        // A new comment changes the page: the list is read again; decided candidates come back only as listed.
        server.serve("/host/2026/blog-party/", "text/html", page1.replace("Mine is up!", "Mine is up! (edited)"));
        assertThat(watcher.checkOpenOf(seriesId()))
                .singleElement()
                .satisfies(c -> assertThat(c.queued()).isZero());
    }

    @Test
    void commentsOnlyTheWordPressRestApiListsAreFoundToo() {
        String invitation = hostUrl("/rest-host/2026/party/");
        String post = server.url("/rest-ren/2026/answer/");
        server.serve("/rest-host/2026/party/", "text/html", """
                <!DOCTYPE html><html><head><title>Party</title>
                <link rel="https://api.w.org/" href="%s">
                <link rel="alternate" title="JSON" type="application/json" href="%s">
                </head><body class="single postid-58"><article class="post"><div class="entry-content"><p>Join!</p></div></article>
                <div id="comments" class="comments-area"><p>Comments are loaded by script.</p></div></body></html>""".formatted(
                        hostUrl("/wp-json/"), hostUrl("/wp-json/wp/v2/posts/58")));
        server.serve(
                "/wp-json/wp/v2/comments",
                "application/json",
                "[{\"id\":1,\"post\":58,\"author_name\":\"Ren\",\"author_url\":\"\",\"type\":\"comment\","
                        + "\"content\":{\"rendered\":\"<p>Mine: <a href=\\\"" + post + "\\\">here<\\/a><\\/p>\"}}]");
        server.serve(
                "/rest-ren/2026/answer/",
                "text/html",
                wordpressPost("Ren answers", ANSWERED.toString(), invitation)
                        .replace("/wp-pat/feed/", "/rest-ren/feed/"));
        server.serve("/rest-ren/feed/", "application/rss+xml", rss("Ren", server.url("/rest-ren/"), post, ANSWERED));
        String token = Api.createSeries("watch-rest", "watchrest");
        Api.createAssignment("watch-rest", token, Api.assignment(invitation, OPENS.toString(), CLOSES.toString(), 0))
                .statusCode(201);

        watcher.checkDue();
        worker.drain();
        assertThat(server.requests("/wp-json/wp/v2/comments")).isNotEmpty();
        List<Map<String, Object>> found = given().header("Authorization", "Bearer " + token)
                .get("/api/series/watch-rest/assignments/1/responses")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("url", post).containsEntry("state", "PENDING");
            assertThat((String) r.get("reason")).startsWith("found in a comment on the invitation");
        });
    }

    static long seriesId() {
        return SqlCounts.longValue("SELECT id FROM series WHERE slug = 'watch'");
    }

    static List<Map<String, Object>> hostResponses(String token) {
        return given().header("Authorization", "Bearer " + token)
                .get("/api/series/watch/assignments/1/responses")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }
}
