package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import app.carnival.testing.TestDns;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service looks host names up in the tests' own DNS and nowhere else. */
@QuarkusTest
class HermeticDnsTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    TestDns dns;

    @Test
    void aNameOfTheTestsReachesTheFeedServerAndARealNameIsRefusedWithoutALookup() {
        String site = "http://blog.carnival.test:" + server.port() + "/named";
        server.serve(
                "/named/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/post/",
                                "Served by name",
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                "dns",
                                "<p>Hello.</p>")));
        String token = Api.createSeries("hermetic-dns", "dns");
        long named = Api.register(
                "hermetic-dns", "Named", site, "http://feeds.carnival.test:" + server.port() + "/named/feed");
        long real =
                Api.register("hermetic-dns", "Real", "https://example.org/", "https://example.org/hermetic-dns/feed");

        Api.pollSeries("hermetic-dns", token).statusCode(200).body("polled", equalTo(2));

        // feeds.carnival.test is no name the system knows: only the tests' DNS puts it on loopback.
        given().get("/api/participants/" + named)
                .then()
                .statusCode(200)
                .body("feed.lastStatus", equalTo(200))
                .body("recentPosts[0].title", equalTo("Served by name"));
        given().get("/api/participants/" + real)
                .then()
                .statusCode(200)
                .body("feed.lastError", equalTo("host not found: example.org"));
        assertThat(dns.asked()).contains("feeds.carnival.test", "example.org");
    }
}
