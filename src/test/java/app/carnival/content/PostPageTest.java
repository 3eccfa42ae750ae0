package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostPageTest {

    private static final String INVITATION = "https://host.example.com/2024/05/07/tsql-tuesday-174-invitation/";

    private static PostPage read(String html, String url) {
        return PostPage.read(Jsoup.parse(html, url));
    }

    @Test
    void readsOpenGraphCanonicalDateTagsAndTheArticle() {
        PostPage page = read("""
                <html><head><title>Site | Post</title>
                <meta property="og:title" content="  The post  ">
                <meta property="article:published_time" content="2024-05-07T10:00:00+02:00">
                <meta property="article:tag" content="meme15"><meta property="article:tag" content="SQL">
                <link rel="canonical" href="/posts/the-post">
                </head><body><nav><a href="/">Home</a></nav><article><p>Body <a href="https://x.example/">x</a></p>
                <div class="comments"><a href="https://spam.example/">spam</a></div></article></body></html>
                """, "https://blog.example/posts/the-post?utm_source=x");

        assertThat(page.url()).isEqualTo("https://blog.example/posts/the-post");
        assertThat(page.title()).isEqualTo("The post");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-07T08:00:00Z"));
        assertThat(page.tags()).containsExactly("meme15", "SQL");
        assertThat(page.contentHtml()).contains("x.example").doesNotContain("spam.example", "Home");
        assertThat(page.author()).isNull();
        assertThat(page.looksLikeHomeOrListing()).isFalse();
    }

    @Test
    void fallsBackToTitleTimeElementAndTheFetchedAddress() {
        PostPage page = read("""
                <html><head><title>Plain title</title><link rel="canonical" href="javascript:alert(1)"></head>
                <body><article><time datetime="2024-05-07">7 May</time>Text</article></body></html>
                """, "https://blog.example/p");

        assertThat(page.url()).isEqualTo("https://blog.example/p");
        assertThat(page.title()).isEqualTo("Plain title");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-07T00:00:00Z"));
    }

    @Test
    void aSloppyCanonicalLinkResolvesAgainstTheBaseHrefAsBrowsersResolveIt() {
        PostPage page = read("""
                <html><head><base href="https://bücher.example/blog/"><link rel="canonical" href=" 2024\\mein beitrag ">
                </head><body>Text</body></html>
                """, "https://bücher.example/p?id=7");

        assertThat(page.url()).isEqualTo("https://bücher.example/blog/2024/mein%20beitrag");
    }

    @Test
    void aCanonicalLinkWithAnInvalidHostFallsBackToTheFetchedAddress() {
        PostPage page = read(
                "<html><head><link rel=canonical href='https://exa mple.example/p'></head></html>",
                "https://blog.example/p");

        assertThat(page.url()).isEqualTo("https://blog.example/p");
    }

    @Test
    void wordpressTwentyTwentyOneWithYoastAndJetpack() {
        String url = "https://jo.example.net/2024/05/14/tsql-tuesday-174-job-interview-questions/";
        PostPage page =
                PostPage.read(HtmlFixtures.page("/content/wordpress-tt1-post.html", url + "?utm_source=mastodon"));

        assertThat(page.url()).isEqualTo(url);
        assertThat(page.title()).isEqualTo("T-SQL Tuesday #174: Job interview questions");
        assertThat(page.author()).isEqualTo("Jo Example");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T07:30:00Z"));
        assertThat(page.contentHtml())
                .contains(INVITATION, "learn.example.org")
                .doesNotContain("Share this", "sharer.php", "tsql-tuesday-173", "sam.example.org", "statistics-again");
        assertThat(page.looksLikeHomeOrListing()).isFalse();
        assertThat(page.asEntry().author()).isEqualTo("Jo Example");
        assertThat(page.asEntry().published()).isEqualTo(page.published());
    }

    @Test
    void wordpressTwentyTwentyFourWithoutPluginsDatesTheBlockThemesPostDateInMain() {
        String url = "https://ana.example.org/2024/05/14/why-i-still-ask-about-cursors/";
        PostPage page = PostPage.read(HtmlFixtures.page("/content/wordpress-tt4-post.html", url));

        assertThat(page.title()).isEqualTo("Why I still ask about cursors – Ana writes SQL");
        assertThat(page.author()).isEqualTo("Ana Lopez");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T09:30:00Z"));
        assertThat(page.contentHtml()).contains(INVITATION).doesNotContain("juniors", "Deadlocks");
        assertThat(page.looksLikeHomeOrListing()).isFalse();
    }

    @Test
    void aCommentsTimeOrAnotherPostsTimeIsNotThePostsDate() {
        Document doc = HtmlFixtures.page(
                "/content/wordpress-tt4-post.html",
                "https://ana.example.org/2024/05/14/why-i-still-ask-about-cursors/");
        doc.select(".wp-block-post-date").remove(); // a theme that shows no date: the comment's and the footer's remain

        assertThat(PostPage.read(doc).published()).isNull();
    }

    @Test
    void bloggerTakesJsonLdDateAndAuthorAndThePostBody() {
        String url = "https://lee-dba.blogspot.com/2024/05/tsql-tuesday-174-three-questions.html";
        PostPage page = PostPage.read(HtmlFixtures.page("/content/blogger-post.html", url + "?m=1"));

        assertThat(page.url()).isEqualTo(url);
        assertThat(page.title()).isEqualTo("T-SQL Tuesday #174: three questions I always ask");
        assertThat(page.author()).isEqualTo("Lee Park");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T13:12:00Z"));
        assertThat(page.contentHtml()).contains(INVITATION, "apply.html").doesNotContain("number three", "Email This");
        assertThat(page.looksLikeHomeOrListing()).isFalse();
    }

    @Test
    void bloggerWithoutJsonLdDatesThePostsTimeNotThePopularPostsSidebarBeforeIt() {
        Document doc = HtmlFixtures.page(
                "/content/blogger-post.html",
                "https://lee-dba.blogspot.com/2024/05/tsql-tuesday-174-three-questions.html");
        doc.select("script[type=application/ld+json]").remove();

        PostPage page = PostPage.read(doc);

        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T13:12:00Z"));
        assertThat(page.author()).isEqualTo("Lee Park");
    }

    @Test
    void indieWebHEntryGivesNameAuthorDateAndContentNotThoseOfTheReplyContextSidebarOrComments() {
        PostPage page = PostPage.read(
                HtmlFixtures.page("/content/indieweb-post.html", "https://mo.example/2024/05/three-questions"));

        assertThat(page.title()).isEqualTo("Three questions, answered");
        assertThat(page.author()).isEqualTo("Mo Example");
        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T08:30:00Z"));
        assertThat(page.contentHtml())
                .contains(INVITATION, "what-is-a-join")
                .doesNotContain("ren.example", "Responses", "tsql2sday", "In reply to");
        assertThat(page.looksLikeHomeOrListing()).isFalse();
    }

    @Test
    void theHEntrysDateIsTrustedBeforeTheMetadataAndJsonLd() {
        PostPage page = read("""
                <html><head><meta property="article:published_time" content="2024-06-01T00:00:00Z">
                <script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-06-02"}</script></head>
                <body><div class="h-entry"><time class="dt-published">2024-05-14T09:30:00Z</time></div></body></html>
                """, "https://b.example/p");

        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-14T09:30:00Z"));
    }

    @Test
    void articlePublishedTimeIsTrustedBeforeJsonLdAndJsonLdBeforeTheArticlesTime() {
        String jsonLd =
                "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-06-02\"}</script>";
        String article = "<article><time datetime='2024-06-03'>3 June</time></article>";

        assertThat(read(
                                "<meta property=article:published_time content=2024-06-01>" + jsonLd + article,
                                "https://b.example/p")
                        .published())
                .isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(read(jsonLd + article, "https://b.example/p").published())
                .isEqualTo(Instant.parse("2024-06-02T00:00:00Z"));
    }

    @Test
    void microformatsValueClassPatternDataAndValueTitle() {
        assertThat(read("""
                        <div class="h-entry"><p class="dt-published"><span class="value">2024-05-14</span> at
                        <span class="value">9:30</span><span class="value">+02:00</span></p></div>""", "https://b.example/p").published()).isEqualTo(Instant.parse("2024-05-14T07:30:00Z"));
        assertThat(read(
                                "<div class=h-entry><data class=dt-published value=2024-05-14T10:00Z>14 May</data></div>",
                                "https://b.example/p")
                        .published())
                .isEqualTo(Instant.parse("2024-05-14T10:00:00Z"));
        assertThat(read("""
                        <div class="h-entry"><span class="dt-published"><span class="value-title" title="2024-05-14T10:00:00Z"> </span>
                        14 May</span></div>""", "https://b.example/p").published()).isEqualTo(Instant.parse("2024-05-14T10:00:00Z"));
    }

    @Test
    void anUnreadableHEntryDateFallsThroughToTheNextSource() {
        PostPage page = read("""
                <html><head><meta property="article:published_time" content="2024-06-01T00:00:00Z"></head>
                <body><div class="h-entry"><span class="dt-published">last Tuesday</span></div></body></html>
                """, "https://b.example/p");

        assertThat(page.published()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void jsonLdInGraphsArraysAndTypeListsWithAuthorsByReference() {
        PostPage graph = read("""
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","@id":"https://b.example/#website","name":"B"},
                  {"@type":"WebPage","@id":"https://b.example/p","datePublished":"2024-01-01T00:00:00Z"},
                  {"@type":["Article","BlogPosting"],"datePublished":"2024-05-14T09:30:00+00:00",
                   "author":{"@id":"https://b.example/#/schema/person/1"}},
                  {"@type":"Person","@id":"https://b.example/#/schema/person/1","name":"Bea"}]}</script>
                """, "https://b.example/p");
        PostPage array = read("""
                <script type="application/ld+json">[{"@type":"Organization","name":"B Inc"},
                  {"@type":"schema:NewsArticle","datePublished":"2024-05-15","author":[{"@type":"Person","name":"Cy"},"Di"]}]</script>
                """, "https://b.example/p");

        assertThat(graph.published()).isEqualTo(Instant.parse("2024-05-14T09:30:00Z"));
        assertThat(graph.author()).isEqualTo("Bea");
        assertThat(array.published()).isEqualTo(Instant.parse("2024-05-15T00:00:00Z"));
        assertThat(array.author()).isEqualTo("Cy");
    }

    @Test
    void jsonLdWebPageIsTheLastResortAndOtherTypesAreNotPosts() {
        assertThat(read(
                                "<script type=application/ld+json>{\"@type\":\"WebPage\",\"datePublished\":\"2024-05-16\"}</script>",
                                "https://b.example/p")
                        .published())
                .isEqualTo(Instant.parse("2024-05-16T00:00:00Z"));
        assertThat(read(
                                "<script type=application/ld+json>{\"@type\":\"CollectionPage\",\"datePublished\":\"2024-05-16\"}</script>",
                                "https://b.example/p")
                        .published())
                .isNull();
    }

    @Test
    void malformedJsonLdIsIgnoredAndCdataWrappedJsonLdRead() {
        PostPage page = read("""
                <script type="application/ld+json">{"@type":"BlogPosting", "datePublished": </script>
                <script type="application/ld+json">/* <![CDATA[ */ {"@type":"BlogPosting","author":"Ed",
                  "datePublished":"2024-05-17T10:00:00Z",} /* ]]> */</script>
                """, "https://b.example/p");

        assertThat(page.published()).isEqualTo(Instant.parse("2024-05-17T10:00:00Z"));
        assertThat(page.author()).isEqualTo("Ed");
    }

    @Test
    void articleAuthorMetaIsAnAuthorOnlyWhenItIsNotAUrl() {
        String body = "<article><p>Text</p></article>";
        assertThat(read(
                                "<meta property=article:author content='https://www.facebook.com/jo'>" + body,
                                "https://b.example/p")
                        .author())
                .isNull();
        assertThat(read("<meta property=article:author content='Jo Example'>" + body, "https://b.example/p")
                        .author())
                .isEqualTo("Jo Example");
    }

    @Test
    void anHCardWithoutANameIsNamedByItsTextAndAPlainPAuthorToo() {
        assertThat(read(
                                "<div class=h-entry><a class='p-author h-card' href='/'>Fay  Lee</a></div>",
                                "https://b.example/p")
                        .author())
                .isEqualTo("Fay Lee");
        assertThat(read("<div class=h-entry><span class=p-author>Gus</span></div>", "https://b.example/p")
                        .author())
                .isEqualTo("Gus");
    }

    @Test
    void anAuthorLongerThanANameIsNoAuthor() {
        assertThat(read("<meta name=author content='" + "word ".repeat(60) + "'>", "https://b.example/p")
                        .author())
                .isNull();
    }

    @Test
    void datesInCommentsQuotesAndNestedArticlesAreNotThePostsAndUpdatedIsNotPublished() {
        assertThat(read("""
                        <article><p>Text</p><blockquote><time datetime="2024-01-01">quoted</time></blockquote>
                        <div id="comments"><article class="comment-body"><time datetime="2024-05-20">comment</time></article></div>
                        </article>""", "https://b.example/p").published()).isNull();
        assertThat(read("""
                        <article><time class="updated" datetime="2024-05-20">updated</time>
                        <time class="entry-date published" datetime="2024-05-14">published</time></article>""", "https://b.example/p").published()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
    }

    @Test
    void aTimeOutsideTheArticleIsNotThePostsDate() {
        assertThat(read("""
                        <aside><time datetime="2024-05-20">recent post</time></aside>
                        <div class="entry"><p>Text</p></div><time datetime="2024-05-21">footer</time>""", "https://b.example/p").published()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-07T10:00:00Z, 2024-05-07T10:00:00Z",
        "2024-05-07T10:00:00+02:00, 2024-05-07T08:00:00Z",
        "2024-05-07T10:00+02:00, 2024-05-07T08:00:00Z",
        "2024-05-07 10:00:00-0700, 2024-05-07T17:00:00Z",
        "2024-05-07T10:00:00, 2024-05-07T10:00:00Z",
        "2024-05-07, 2024-05-07T00:00:00Z"
    })
    void readsIsoDatesAsPagesWriteThem(String text, String expected) {
        assertThat(PublicationDate.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void unreadableOrMissingDatesAreNull() {
        assertThat(PublicationDate.parse("yesterday")).isNull();
        assertThat(PublicationDate.parse("")).isNull();
        assertThat(PublicationDate.parse(null)).isNull();
        assertThat(PublicationDate.parse("2024-05-07Tnoon")).isNull();
        assertThat(PublicationDate.parse("2024-13-45")).isNull();
        assertThat(read("<p>x</p>", "https://b.example/").published()).isNull();
    }

    @Test
    void theSiteRootIsAHomePageButAPlainPermalinkIsNot() {
        String post = "<html><body class='single postid-12'><article><p>Text</p></article></body></html>";
        assertThat(read(post, "https://b.example/").looksLikeHomeOrListing()).isTrue();
        assertThat(read(post, "https://b.example").looksLikeHomeOrListing()).isTrue();
        assertThat(read(post, "https://b.example/?p=12").looksLikeHomeOrListing())
                .isFalse();
    }

    @Test
    void severalPostsWithoutASinglePostMarkerAreAListing() {
        String twoArticles =
                "<article class='post hentry'><h2>One</h2></article><article class='post hentry'><h2>Two</h2></article>";
        assertThat(read(twoArticles, "https://b.example/2024/05/").looksLikeHomeOrListing())
                .isTrue();
        assertThat(read("<body class='single single-post postid-9'>" + twoArticles, "https://b.example/2024/05/p")
                        .looksLikeHomeOrListing())
                .isFalse();
        assertThat(read("<meta property=og:type content=article>" + twoArticles, "https://b.example/2024/05/p")
                        .looksLikeHomeOrListing())
                .isFalse();
    }

    @Test
    void blockThemeQueryLoopsBloggerIndexesAndHFeedsAreListings() {
        assertThat(read("""
                        <main><div class="wp-block-query"><ul class="wp-block-post-template">
                        <li class="wp-block-post post-1 post"><h2>One</h2></li><li class="wp-block-post post-2 post"><h2>Two</h2></li>
                        </ul></div></main>""", "https://b.example/page/2/").looksLikeHomeOrListing())
                .isTrue();
        assertThat(read("""
                        <div class="widget Blog"><div class="post-outer"><div class="post hentry">One</div></div>
                        <div class="post-outer"><div class="post hentry">Two</div></div></div>""", "https://b.example/search/label/x").looksLikeHomeOrListing())
                .isTrue();
        assertThat(read(
                                "<div class=h-feed><div class=h-entry>One</div><div class=h-entry>Two</div></div>",
                                "https://b.example/notes/")
                        .looksLikeHomeOrListing())
                .isTrue();
    }

    @Test
    void anArchivesBodyClassMakesAListingEvenWithOnePost() {
        assertThat(read(
                                "<body class='archive category category-tsql'><article>One</article></body>",
                                "https://b.example/category/tsql/")
                        .looksLikeHomeOrListing())
                .isTrue();
    }

    @Test
    void commentsAndSidebarEntriesDoNotMakeAPostAListing() {
        assertThat(read("""
                        <article class="post">Post</article>
                        <div id="comments"><ol class="comment-list"><li><article class="comment-body">A</article></li>
                        <li><article class="comment-body">B</article></li></ol></div>
                        <aside><div class="h-entry">Recent 1</div><div class="h-entry">Recent 2</div></aside>""", "https://b.example/p").looksLikeHomeOrListing()).isFalse();
    }
}
