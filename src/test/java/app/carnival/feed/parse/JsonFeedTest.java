package app.carnival.feed.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.content.FeedDiscovery;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * JSON Feed 1.0 and 1.1 read like RSS and Atom. The documents follow what real generators publish:
 * the specification's examples, Micro.blog (posts without titles, the URL as id), the WordPress
 * "JSON Feed" plugin (1.0, one {@code author}, {@code tags}, {@code summary}) and static-site templates
 * (relative URLs, {@code content_text}).
 */
class JsonFeedTest {

    static final String FEED_URL = "https://blog.example.org/feed.json";
    final FeedParser parser = new FeedParser();

    ParsedFeed parse(String json, String contentType) throws FeedParseException {
        return parser.parse(json.getBytes(UTF_8), contentType, FEED_URL);
    }

    @Test
    void aJsonFeed11WithAuthorsTagsAndHtmlIsReadLikeAnAtomFeed() throws Exception {
        ParsedFeed feed = parse("""
                {
                  "version": "https://jsonfeed.org/version/1.1",
                  "title": "Ann's   notes",
                  "home_page_url": "https://blog.example.org/",
                  "feed_url": "https://blog.example.org/feed.json",
                  "authors": [{"name": "Ann"}],
                  "items": [
                    {
                      "id": "https://blog.example.org/2026/11/code-review/",
                      "url": "https://blog.example.org/2026/11/code-review/",
                      "title": "What makes a good code review? #meme15",
                      "content_html": "<p>My answer to <a href=\\"https://host.example/invitation\\">the invitation</a>.</p>",
                      "date_published": "2026-11-29T09:30:00+01:00",
                      "date_modified": "2026-11-30T10:00:00Z",
                      "authors": [{"url": "https://blog.example.org/about"}, {"name": "Ann Example"}],
                      "tags": ["meme15", " reviews ", 7, ""],
                      "_custom": {"ignored": true}
                    }
                  ]
                }""", "application/feed+json");
        assertThat(feed.title()).isEqualTo("Ann's notes");
        assertThat(feed.siteUrl()).isEqualTo("https://blog.example.org/");
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.guid()).isEqualTo("https://blog.example.org/2026/11/code-review/");
        assertThat(entry.url()).isEqualTo("https://blog.example.org/2026/11/code-review/");
        assertThat(entry.title()).isEqualTo("What makes a good code review? #meme15");
        assertThat(entry.author()).isEqualTo("Ann Example");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-29T08:30:00Z"));
        assertThat(entry.updated()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(entry.categories()).containsExactly("meme15", "reviews");
        assertThat(entry.contentHtml()).contains("<a href=\"https://host.example/invitation\">");
        assertThat(entry.summaryOnly()).isFalse();
        assertThat(entry.baseUrl()).isEqualTo(entry.url());
    }

    @Test
    void microBlogPostsWithoutTitlesKeepTheirUrlAsId() throws Exception {
        ParsedFeed feed = parse("""
                {"version":"https://jsonfeed.org/version/1","title":"Ann","home_page_url":"https://ann.micro.blog/",
                 "feed_url":"https://ann.micro.blog/feed.json","items":[
                  {"id":"http://ann.micro.blog/2026/11/29/my-answer-to.html",
                   "content_html":"<p>My answer to the #meme15 invitation.</p>",
                   "date_published":"2026-11-29T14:02:11-05:00",
                   "url":"https://ann.micro.blog/2026/11/29/my-answer-to.html"}]}""", "application/json; charset=utf-8");
        ParsedEntry entry = feed.entries().get(0);
        assertThat(entry.title()).isNull();
        assertThat(entry.guid()).isEqualTo("http://ann.micro.blog/2026/11/29/my-answer-to.html");
        assertThat(entry.url()).isEqualTo("https://ann.micro.blog/2026/11/29/my-answer-to.html");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-29T19:02:11Z"));
    }

    @Test
    void version10AuthorNumericIdsRelativeUrlsAndPlainTextAreRead() throws Exception {
        ParsedFeed feed = parse("""
                {
                  "version": "https://jsonfeed.org/version/1",
                  "title": "Bob's blog",
                  "home_page_url": "/",
                  "items": [
                    {"id": 42, "url": "/posts/tools/", "title": "Tools",
                     "author": {"name": "Bob"},
                     "content_text": "First <b>line</b> & more.\\nSame paragraph.\\n\\nSecond paragraph."},
                    {"id": "43", "url": "posts/summary/", "summary": "Only a <summary>."}
                  ]
                }""", null);
        assertThat(feed.siteUrl()).isEqualTo("https://blog.example.org/");
        ParsedEntry text = feed.entries().get(0);
        assertThat(text.guid()).isEqualTo("42");
        assertThat(text.url()).isEqualTo("https://blog.example.org/posts/tools/");
        assertThat(text.author()).isEqualTo("Bob");
        assertThat(text.contentHtml())
                .isEqualTo(
                        "<p>First &lt;b&gt;line&lt;/b&gt; &amp; more.<br>Same paragraph.</p><p>Second paragraph.</p>");
        assertThat(text.summaryOnly()).isFalse();
        ParsedEntry summary = feed.entries().get(1);
        assertThat(summary.url()).isEqualTo("https://blog.example.org/posts/summary/");
        assertThat(summary.contentHtml()).isEqualTo("Only a &lt;summary&gt;.");
        assertThat(summary.summaryOnly()).isTrue();
        assertThat(summary.published()).isNull();
    }

    @Test
    void itemsThatCanNotBeRecognisedAgainAndFieldsOfTheWrongTypeAreLeftOut() throws Exception {
        ParsedFeed feed = parse("""
                {"version":"https://jsonfeed.org/version/1.1","title":["not","text"],"items":[
                  {"id":{"no":"id"},"content_html":"<p>no id, no url</p>"},
                  "not an item",
                  {"id":"ok","title":5,"date_published":"last Tuesday","content_html":"<p>kept</p>"}]}""", "application/feed+json");
        assertThat(feed.title()).isNull();
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.guid()).isEqualTo("ok");
            assertThat(entry.title()).isNull();
            assertThat(entry.published()).isNull();
        });
    }

    @Test
    void jsonThatIsNoJsonFeedIsRefusedWithAReason() {
        assertThatThrownBy(() -> parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [", null))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a feed: the JSON is malformed");
        assertThatThrownBy(() -> parse("{\"data\": []}", "application/json"))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a feed: JSON, but not a JSON Feed (no \"items\" list)");
        assertThatThrownBy(() -> parse("{\"version\": \"2\", \"items\": []}", "application/json"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not a JSON Feed");
    }

    @Test
    void pagesAnnounceJsonFeedsAndRssStaysPreferred() {
        String jsonOnly = "<html><head><link rel=alternate type=application/feed+json href=/feed.json></head></html>";
        assertThat(FeedDiscovery.announced(Jsoup.parse(jsonOnly, "https://blog.example.org/")))
                .containsExactly("https://blog.example.org/feed.json");
        String both = "<html><head><link rel=alternate type=application/feed+json href=/feed.json>"
                + "<link rel=alternate type=application/rss+xml href=/feed.xml></head></html>";
        assertThat(FeedDiscovery.announced(Jsoup.parse(both, "https://blog.example.org/")))
                .first()
                .isEqualTo("https://blog.example.org/feed.xml");
    }
}
