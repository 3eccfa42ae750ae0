package app.carnival.content;

import static app.carnival.content.CandidateKind.COMMENT_AUTHOR;
import static app.carnival.content.CandidateKind.COMMENT_LINK;
import static app.carnival.content.CandidateKind.MENTION;
import static app.carnival.content.CandidateKind.PINGBACK;
import static app.carnival.content.CandidateKind.TRACKBACK;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.content.InvitationComments.Candidate;
import app.carnival.content.InvitationComments.Found;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationCommentsTest {

    private static final String INVITATION = "https://host.example.com/2024/05/07/tsql-tuesday-174-invitation/";

    private static Found comments(String html) {
        return InvitationComments.read(Jsoup.parse(html, INVITATION));
    }

    private static String commentList(String items) {
        return "<html><body><article><p>Post</p></article><div id='comments' class='comments-area'><ol class='comment-list'>"
                + items + "</ol></div></body></html>";
    }

    private static String comment(String authorUrl, String body) {
        return """
                <li class="comment"><article class="comment-body"><footer class="comment-meta">
                <div class="comment-author vcard"><b class="fn"><a href="%s" class="url" rel="ugc external nofollow">A</a></b></div>
                </footer><div class="comment-content"><p>%s</p></div></article></li>""".formatted(authorUrl, body);
    }

    @Test
    void wordpressTwentyTwentyOneInvitationNamesItsPingbacksCommentersTrackbackAndCommentLinks() {
        Found found =
                InvitationComments.read(HtmlFixtures.page("/invitation/wordpress-tt1-invitation.html", INVITATION));

        assertThat(found.candidates())
                .containsExactly(
                        new Candidate(
                                "https://jo.example.net/2024/05/14/tsql-tuesday-174-job-interview-questions/",
                                PINGBACK),
                        new Candidate(
                                "https://lee-dba.blogspot.com/2024/05/tsql-tuesday-174-three-questions.html", PINGBACK),
                        new Candidate("https://sam.example.org/2024/05/14/my-answer/", COMMENT_AUTHOR),
                        new Candidate("https://pills.example/", COMMENT_AUTHOR),
                        new Candidate("https://pills.example/buy-now?ref=tsql", COMMENT_LINK),
                        new Candidate("https://old.example.com/2023/05/09/interview-questions/", TRACKBACK),
                        new Candidate("https://ren.example/2024/05/14/interview-questions/", COMMENT_LINK));
        assertThat(found.nextPages()).containsExactly(INVITATION + "comment-page-1/");
    }

    @Test
    void aFollowingCommentPageIsReadAgainstTheInvitationAndLinksBack() {
        Document page1 = HtmlFixtures.page(
                "/invitation/wordpress-tt1-invitation-comment-page-1.html", INVITATION + "comment-page-1/");

        Found found = InvitationComments.read(page1, INVITATION);

        assertThat(found.candidates()).containsExactly(new Candidate("https://tom.example.net/", COMMENT_AUTHOR));
        assertThat(found.nextPages()).containsExactly(INVITATION + "comment-page-2/");
    }

    @Test
    void wordpressBlockThemePingbackCommentAndCpagePaginationWithPlainPermalinks() {
        Document page = HtmlFixtures.page("/invitation/wordpress-tt4-invitation.html", "https://club.example.org/?p=7");

        Found found = InvitationComments.read(page);

        // the ping's excerpt links (an older post of the pinger's) name no response
        assertThat(found.candidates())
                .containsExactly(
                        new Candidate("https://una.example.com/2024/06/11/my-worst-query/", PINGBACK),
                        new Candidate("https://vic.example.net/", COMMENT_AUTHOR),
                        new Candidate("https://vic.example.net/2024/06/11/select-star/", COMMENT_LINK));
        assertThat(found.nextPages()).containsExactly("https://club.example.org/?p=7&cpage=1");
    }

    @Test
    void bloggerCommentsGiveWebsitesAndLinksButNotProfilesAvatarsOrTheCommentForm() {
        Document page = HtmlFixtures.page(
                "/invitation/blogger-invitation.html", "https://party-host.blogspot.com/2024/06/blog-party-12.html");

        Found found = InvitationComments.read(page);

        assertThat(found.candidates())
                .containsExactly(
                        new Candidate("https://wen-writes.blogspot.com/2024/06/my-favourite-tool.html", COMMENT_LINK),
                        new Candidate("https://xan.example.org/", COMMENT_AUTHOR));
        assertThat(found.nextPages()).isEmpty();
    }

    @Test
    void microformatsMentionsGiveTheirSourceNotTheirAuthorsHomeOrOtherLinks() {
        Document page = HtmlFixtures.page(
                "/invitation/indieweb-invitation.html", "https://zoe.example/2024/06/carnival-tools/");

        Found found = InvitationComments.read(page);

        assertThat(found.candidates())
                .containsExactly(
                        new Candidate("https://bo.example/likes/2024/06/12/1", MENTION),
                        new Candidate("https://cy.example/2024/06/11/my-tools", MENTION));
    }

    @Test
    void linksOutsideTheCommentSectionAreNoCandidates() {
        Found found = comments("""
                <html><body><article><p><a href="https://prev-host.example/roundup">last month</a></p></article>
                <aside class="widget-area"><a href="https://widget-commenter.example/">Val</a></aside>
                <footer><a href="https://wordpress.org/">WordPress</a></footer></body></html>""");

        assertThat(found.candidates()).isEmpty();
    }

    @Test
    void theInvitationsOwnSiteIsNoCandidateWithOrWithoutWww() {
        Found found = comments(
                commentList(
                        comment(
                                "https://www.host.example.com/",
                                "<a href='?replytocom=3#respond'>reply</a> <a href='#comment-3'>#</a>"
                                        + " <a href='/wp-login.php?redirect_to=x'>log in</a> <a href='comment-page-2/#comments'>more</a>")));

        assertThat(found.candidates()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mailto:jo@jo.example",
                "tel:+15555550100",
                "javascript:alert(1)",
                "ftp://files.example/answer.txt",
                "https://secure.gravatar.com/avatar/abc?s=60",
                "https://en.gravatar.com/jo",
                "https://www.blogger.com/profile/0123",
                "https://exa mple.example/broken-host",
                ""
            })
    void nonHttpAvatarProfileAndBrokenLinksAreNoCandidates(String href) {
        assertThat(comments(commentList(comment(href, "<a href='" + href + "'>x</a>")))
                        .candidates())
                .isEmpty();
    }

    @Test
    void nofollowDoesNotExcludeAndRelativeLinksResolveAgainstThePage() {
        Found found = InvitationComments.read(Jsoup.parse(
                "<div class='comments'><p><a rel='nofollow ugc' href='//other.example/post'>x</a></p></div>",
                "https://host.example.com/p"));

        assertThat(found.candidates()).containsExactly(new Candidate("https://other.example/post", COMMENT_LINK));
    }

    @Test
    void aFormAroundTheWholePageAsAspNetWritesItDoesNotHideTheComments() {
        Found found = comments("<form id='aspnetForm' action='/post.aspx'><div id='comments'>"
                + "<div class='comment'><p><a href='https://a.example/answer'>mine</a></p></div></div></form>");

        assertThat(found.candidates()).containsExactly(new Candidate("https://a.example/answer", COMMENT_LINK));
    }

    @Test
    void duplicatesAreFoldedInOrderTheFirstKindWinning() {
        Found found = comments(commentList(comment("https://a.example/post", "<a href='https://b.example/'>b</a>")
                + comment("https://b.example/", "<a href='https://a.example/post#comments'>a again</a>")));

        assertThat(found.candidates())
                .containsExactly(
                        new Candidate("https://a.example/post", COMMENT_AUTHOR),
                        new Candidate("https://b.example/", COMMENT_LINK));
    }

    @Test
    void aHostilePageCannotNameMoreThanTheCap() {
        String links = IntStream.range(0, InvitationComments.MAX_CANDIDATES + 100)
                .mapToObj(i -> "<a href='https://spam" + i + ".example/'>s</a>")
                .collect(Collectors.joining());

        Found found = comments(commentList(comment("https://first.example/", links)));

        assertThat(found.candidates()).hasSize(InvitationComments.MAX_CANDIDATES);
        assertThat(found.candidates().get(0)).isEqualTo(new Candidate("https://first.example/", COMMENT_AUTHOR));
    }

    @Test
    void classicThemeCommentNavigationAndRelNextAreFollowedWithinTheInvitationOnly() {
        Found found = InvitationComments.read(
                Jsoup.parse("""
                        <div id="comments">
                        <nav class="navigation comment-navigation"><div class="nav-links">
                        <div class="nav-previous"><a href="/2024/05/post/comment-page-1/#comments">Older Comments</a></div>
                        <div class="nav-next"><a rel="next" href="/2024/05/post/comments/3">Newer</a></div></div></nav>
                        <div class="comments-pagination"><a href="/2024/05/other-post/comment-page-2/">other post</a>
                        <a href="https://elsewhere.example/2024/05/post/comment-page-2/">other site</a>
                        <a href="http://host.example.com:8080/2024/05/post/comment-page-2/">other port</a></div>
                        </div>""", "https://host.example.com/2024/05/post"), "https://host.example.com/2024/05/post");

        assertThat(found.nextPages())
                .containsExactly(
                        "https://host.example.com/2024/05/post/comment-page-1/",
                        "https://host.example.com/2024/05/post/comments/3");
    }

    @Test
    void cpagePagesMustKeepTheInvitationsQuery() {
        Found found = InvitationComments.read(
                Jsoup.parse("""
                        <div id="comments"><a href="/?p=7&amp;cpage=3">3</a> <a href="/?p=8&amp;cpage=2">other post</a>
                        <a href="/?cpage=2">no post</a></div>""", "https://club.example.org/?p=7&cpage=2"), "https://club.example.org/?p=7");

        assertThat(found.nextPages()).containsExactly("https://club.example.org/?p=7&cpage=3");
    }

    @Test
    void commentPagesAreCapped() {
        String links = IntStream.range(2, InvitationComments.MAX_NEXT_PAGES + 20)
                .mapToObj(i -> "<a href='comment-page-" + i + "/'>" + i + "</a>")
                .collect(Collectors.joining());

        assertThat(comments("<div id=comments>" + links + "</div>").nextPages())
                .hasSize(InvitationComments.MAX_NEXT_PAGES);
    }

    @Test
    void aPageWithoutALocationStillGivesItsAbsoluteCandidatesButNoPages() {
        Found found = InvitationComments.read(Jsoup.parse(
                "<div class=comments><a href='https://a.example/p'>a</a><a href='comment-page-2/'>2</a></div>"));

        assertThat(found.candidates()).containsExactly(new Candidate("https://a.example/p", COMMENT_LINK));
        assertThat(found.nextPages()).isEmpty();
    }

    @Test
    void restCommentsUrlFromTheApiLinkAndThePostsJsonLink() {
        Document tt1 = HtmlFixtures.page("/invitation/wordpress-tt1-invitation.html", INVITATION);
        Document tt4 = HtmlFixtures.page("/invitation/wordpress-tt4-invitation.html", "https://club.example.org/?p=7");

        assertThat(InvitationComments.restCommentsUrl(tt1))
                .hasValue("https://host.example.com/wp-json/wp/v2/comments?post=58&per_page=100");
        assertThat(InvitationComments.restCommentsUrl(tt4))
                .hasValue("https://club.example.org/index.php?rest_route=/wp/v2/comments&post=7&per_page=100");
    }

    @Test
    void restCommentsUrlFromTheShortlinkOrTheBodyClass() {
        String api = "<link rel='https://api.w.org/' href='/wp-json'>";
        assertThat(InvitationComments.restCommentsUrl(Jsoup.parse(
                        api + "<link rel='shortlink' href='https://b.example/?p=41'>", "https://b.example/x/")))
                .hasValue("https://b.example/wp-json/wp/v2/comments?post=41&per_page=100");
        assertThat(InvitationComments.restCommentsUrl(Jsoup.parse(
                        "<head>" + api + "</head><body class='page-template-default page page-id-9'>",
                        "https://b.example/x/")))
                .hasValue("https://b.example/wp-json/wp/v2/comments?post=9&per_page=100");
    }

    @Test
    void noRestCommentsUrlWithoutTheApiOrThePostsId() {
        assertThat(InvitationComments.restCommentsUrl(
                        Jsoup.parse("<body class='single postid-3'>", "https://b.example/x/")))
                .isEmpty();
        assertThat(InvitationComments.restCommentsUrl(Jsoup.parse(
                        "<link rel='https://api.w.org/' href='https://b.example/wp-json/'><body class='home blog'>",
                        "https://b.example/")))
                .isEmpty();
        assertThat(InvitationComments.restCommentsUrl(Jsoup.parse(
                        "<link rel='https://api.w.org/' href='javascript:x'><body class='postid-3'>",
                        "https://b.example/x/")))
                .isEmpty();
    }

    @Test
    void restCommentsGiveAuthorUrlsAndContentLinksButNotTheInvitationsSite() {
        String json = HtmlFixtures.text("/invitation/wp-rest-comments.json");

        assertThat(InvitationComments.fromRestJson(json, INVITATION))
                .containsExactly(
                        new Candidate("https://ren.example/2024/05/14/interview-questions/", COMMENT_LINK),
                        new Candidate(
                                "https://jo.example.net/2024/05/14/tsql-tuesday-174-job-interview-questions/",
                                COMMENT_LINK),
                        new Candidate("https://sam.example.org/2024/05/14/my-answer/", COMMENT_AUTHOR));
    }

    @Test
    void restPingbacksAndTrackbacksAreTheirAuthorUrlsAndContentLinksResolveAgainstTheInvitation() {
        String json = """
                [{"type":"pingback","author_url":"https://p.example/post","content":{"rendered":"<p>[&#8230;] text [&#8230;]</p>"}},
                 {"type":"trackback","author_url":"https://t.example/post"},
                 {"type":"comment","author_url":"","content":{"rendered":"<a href=\\"//c.example/answer\\">x</a> <a href=\\"/2024/06/\\">own</a>"}}]""";

        assertThat(InvitationComments.fromRestJson(json, "https://b.example/post/"))
                .containsExactly(
                        new Candidate("https://p.example/post", PINGBACK),
                        new Candidate("https://t.example/post", TRACKBACK),
                        new Candidate("https://c.example/answer", COMMENT_LINK));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "<html>not json</html>",
                "{\"code\":\"rest_no_route\",\"message\":\"No route was found\",\"data\":{\"status\":404}}",
                "[1, \"x\", null, []]",
                "[{\"author_url\": 5, \"content\": {\"rendered\": 7}}]"
            })
    void anythingButACommentsArrayGivesNoCandidates(String json) {
        assertThat(InvitationComments.fromRestJson(json, INVITATION)).isEmpty();
        assertThat(InvitationComments.fromRestJson(null, INVITATION)).isEmpty();
    }
}
