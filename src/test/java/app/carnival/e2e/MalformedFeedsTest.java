package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real malformed captures served over HTTP and polled: healed and stored, or a recorded readable error. */
@QuarkusTest
class MalformedFeedsTest {

    @Test
    void everyMalformedCaptureEndsParsedOrAsARecordedReadableError() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String token = Api.createSeries("malformed", "malformed");
            Map<String, Long> participants = new HashMap<>();
            List<Path> files = Corpus.files("real/malformed");
            assertThat(files).hasSize(11);
            for (Path file : files) {
                String name = file.getFileName().toString();
                // Registration checks that the URL is a feed (an HTML page would be searched for one):
                // the capture is what the feed turns into afterwards.
                server.serve("/" + name, "application/rss+xml", Feeds.wordpress(server.url("/")));
                participants.put(name, Api.register("malformed", name, server.url("/"), server.url("/" + name)));
                server.serve("/" + name, "application/xml", Corpus.read(file));
            }
            JsonPath report =
                    Api.pollSeries("malformed", token).statusCode(200).extract().jsonPath();
            assertThat(report.getInt("polled")).isEqualTo(11);

            Map<String, String> outcome = new HashMap<>();
            for (Map.Entry<String, Long> e : participants.entrySet()) {
                JsonPath p = given().get("/api/participants/" + e.getValue())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                String error = p.getString("feed.lastError");
                if (error == null) {
                    assertThat(p.getList("recentPosts")).as(e.getKey()).isNotEmpty();
                    outcome.put(e.getKey(), "parsed " + p.getList("recentPosts").size());
                } else {
                    assertThat(error).as(e.getKey()).isNotBlank().doesNotContain("Exception");
                    outcome.put(e.getKey(), error);
                }
            }
            System.out.println("malformed corpus through the poller: " + outcome);
            long healed = outcome.values().stream()
                    .filter(v -> v.startsWith("parsed"))
                    .count();
            assertThat(healed).isEqualTo(9);
            assertThat(outcome)
                    .hasEntrySatisfying(
                            "mac-com_error-page-html.rss",
                            v -> assertThat(v).startsWith("not a feed: the server returned an HTML page"));
            assertThat(outcome)
                    .hasEntrySatisfying(
                            "reuters_most-read-truncated.xml",
                            v -> assertThat(v).startsWith("truncated feed"));
            assertThat(outcome)
                    .hasEntrySatisfying(
                            "jekyll_nshipster.xml.gz", v -> assertThat(v).startsWith("parsed"));
        }
    }
}
