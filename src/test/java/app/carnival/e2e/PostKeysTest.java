package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Post identity keys stay under the btree limit whatever a feed puts in its guids. */
@QuarkusTest
class PostKeysTest {

    /** RSS with one entry whose guid is given; the build date changes the body, so each poll parses and stores. */
    static String feed(String site, String guid, String buildDate) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Long keys</title><link>%s</link><description>x</description><lastBuildDate>%s</lastBuildDate>
                  <item><title>Entry #longguid</title><link>%s/entry</link><guid isPermaLink="false">%s</guid>
                    <pubDate>Mon, 03 Jun 2024 10:00:00 +0000</pubDate><description>Text.</description></item>
                </channel></rss>
                """.formatted(site, buildDate, site, guid);
    }

    @Test
    void anEntryWithA2048CharacterNonAsciiGuidIsStoredOnceAndRepollsKeepIt() throws Exception {
        try (FeedServer server = new FeedServer()) {
            // 2048 characters, 6 kB of UTF-8 that do not compress: over the ~2.7 kB a btree entry may take.
            String guid = new Random(2048)
                    .ints(2048, 0x4E00, 0xA000)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            String site = server.url("/long-guid");
            server.serve("/long-guid/feed", "application/rss+xml", feed(site, guid, "Mon, 03 Jun 2024 11:00:00 +0000"));
            String token = Api.createSeries("long-guid", "longguid");
            long id = Api.register("long-guid", "Kanji", site, site + "/feed");

            Api.pollSeries("long-guid", token)
                    .statusCode(200)
                    .body("outcomes[0].result", equalTo("updated"))
                    .body("outcomes[0].newPosts", equalTo(1));
            server.serve("/long-guid/feed", "application/rss+xml", feed(site, guid, "Mon, 03 Jun 2024 12:00:00 +0000"));
            Api.pollSeries("long-guid", token)
                    .statusCode(200)
                    .body("outcomes[0].result", equalTo("updated"))
                    .body("outcomes[0].entries", equalTo(1))
                    .body("outcomes[0].newPosts", equalTo(0))
                    .body("outcomes[0].updatedPosts", equalTo(0));

            given().get("/api/participants/" + id)
                    .then()
                    .body("recentPosts", hasSize(1))
                    .body("recentPosts[0].title", equalTo("Entry #longguid"));
        }
    }
}
