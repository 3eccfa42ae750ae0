package app.carnival.websub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.parse.FeedParser;
import app.carnival.feed.parse.ParsedFeed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Discovery (W3C WebSub §4) from the feeds as the platforms write them, parsed by the real parser. */
class HubTest {

    static final String URL = "https://blog.example/feed/";

    static ParsedFeed parse(String body, String type) throws Exception {
        return new FeedParser().parse(body.getBytes(StandardCharsets.UTF_8), type, URL);
    }

    static final String WORDPRESS_RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
              <title>Alice</title>
              <atom:link href="https://blog.example/feed/" rel="self" type="application/rss+xml" />
              <link>https://blog.example</link>
              <description>d</description>
              <atom:link rel="hub" href="https://pubsubhubbub.appspot.com"/>
              <atom:link rel="hub" href="https://pubsubhubbub.superfeedr.com"/>
              <item><title>t</title><link>https://blog.example/p</link><guid>1</guid></item>
            </channel>
            </rss>
            """;

    static final String BLOGGER_ATOM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>tag:blogger.com,1999:blog-1</id>
              <title>Bob</title>
              <updated>2024-06-01T00:00:00Z</updated>
              <link rel="http://schemas.google.com/g/2005#feed" href="https://bob.example/feeds/posts/default"/>
              <link rel="self" href="/feeds/posts/default"/>
              <link rel="alternate" type="text/html" href="https://bob.example/"/>
              <link rel="hub" href="http://pubsubhubbub.appspot.com/"/>
              <entry><id>e1</id><title>t</title><updated>2024-06-01T00:00:00Z</updated>
                <link rel="alternate" href="https://bob.example/p"/></entry>
            </feed>
            """;

    static final String JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J",
             "feed_url": "https://j.example/feed.json",
             "hubs": [{"type": "rssCloud", "url": "https://cloud.example/"},
                      {"type": "WebSub", "url": "https://hub.example/"}],
             "items": [{"id": "1", "url": "https://j.example/1", "content_text": "x"}]}
            """;

    @Test
    void anRssChannelNamesItsHubsAndItselfWithAtomLinks() throws Exception {
        ParsedFeed feed = parse(WORDPRESS_RSS, "application/rss+xml");
        assertThat(feed.hubs())
                .containsExactly("https://pubsubhubbub.appspot.com/", "https://pubsubhubbub.superfeedr.com/");
        assertThat(feed.self()).isEqualTo("https://blog.example/feed/");
        assertThat(Hub.discover(URL, List.of(), feed))
                .contains(new Hub("https://pubsubhubbub.appspot.com/", "https://blog.example/feed/"));
    }

    @Test
    void anAtomFeedsLinksAreResolvedAgainstItsAddress() throws Exception {
        ParsedFeed feed = parse(BLOGGER_ATOM, "application/atom+xml");
        assertThat(feed.hubs()).containsExactly("http://pubsubhubbub.appspot.com/");
        assertThat(feed.self()).isEqualTo("https://blog.example/feeds/posts/default");
        assertThat(feed.siteUrl()).isEqualTo("https://bob.example/");
    }

    @Test
    void aJsonFeedNamesWebSubHubsAmongOthers() throws Exception {
        ParsedFeed feed = parse(JSON_FEED, "application/feed+json");
        assertThat(feed.hubs()).containsExactly("https://hub.example/");
        assertThat(feed.self()).isEqualTo("https://j.example/feed.json");
    }

    @Test
    void linkHeadersComeBeforeTheFeedsOwnLinks() throws Exception {
        ParsedFeed feed = parse(WORDPRESS_RSS, "application/rss+xml");
        List<String> headers = List.of("<https://hub.header.example/>; rel=\"hub\", </feed?self=1>; rel=\"self\"");
        assertThat(Hub.discover(URL, headers, feed))
                .contains(new Hub("https://hub.header.example/", "https://blog.example/feed?self=1"));
    }

    @Test
    void aFeedWithoutSelfIsSubscribedAtItsAddressAndOneWithoutHubNotAtAll() throws Exception {
        ParsedFeed plain = new ParsedFeed("t", null, List.of(), null, List.of(), null);
        assertThat(Hub.discover(URL, List.of("<https://hub.example/>; rel=hub"), plain))
                .contains(new Hub("https://hub.example/", URL));
        assertThat(Hub.discover(URL, List.of("<https://blog.example/>; rel=\"alternate\""), plain))
                .isEqualTo(Optional.empty());
        ParsedFeed odd = new ParsedFeed("t", null, List.of(), null, List.of("ftp://hub.example/"), null);
        assertThat(Hub.discover(URL, List.of(), odd)).isEmpty();
    }
}
