package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A poll judges entries by the assignment's whole criteria as the host set them: a link to one of its
 * alias addresses is a link-back, and its own hashtag replaces the series' one.
 */
@QuarkusTest
class AssignmentCriteriaPollTest {

    static final String INVITATION = "https://host.example/2024/07/criteria-invite";
    static final String ALIAS = "https://host.example/?p=4711";

    @Test
    void aLinkToAnAliasAndTheAssignmentsOwnHashtagMatchAndTheSeriesHashtagDoesNot() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String site = server.url("/criteria-blog");
            server.serve(
                    "/criteria-blog/feed",
                    "application/rss+xml",
                    Feeds.wordpress(
                            site,
                            Feeds.wordpressItem(
                                    site + "/via-alias/",
                                    "Linked through the short address",
                                    "Mon, 08 Jul 2024 10:00:00 +0000",
                                    "Misc",
                                    "<p>My answer to <a href=\"" + ALIAS + "\">the invitation</a>.</p>"),
                            Feeds.wordpressItem(
                                    site + "/own-tag/",
                                    "Tagged for this month",
                                    "Mon, 08 Jul 2024 11:00:00 +0000",
                                    "Misc",
                                    "<p>My answer. #julytopic</p>"),
                            Feeds.wordpressItem(
                                    site + "/series-tag/",
                                    "Tagged for the series only",
                                    "Mon, 08 Jul 2024 12:00:00 +0000",
                                    "Misc",
                                    "<p>Something else. #criteriaseries</p>")));
            String token = Api.createSeries("criteria-poll", "criteriaseries");
            Map<String, Object> assignment =
                    new HashMap<>(Api.assignment(INVITATION, "2024-07-01T00:00:00Z", "2024-07-31T00:00:00Z", 0));
            assignment.put("aliasUrls", List.of(ALIAS));
            assignment.put("hashtag", "julytopic");
            Api.createAssignment("criteria-poll", token, assignment).statusCode(201);
            Api.register("criteria-poll", "Cris", site, site + "/feed");

            Api.pollSeries("criteria-poll", token).statusCode(200);

            List<String> included = given().get("/api/series/criteria-poll/assignments/1/roundup")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("responses.url", String.class);
            assertThat(included).containsExactlyInAnyOrder(site + "/via-alias/", site + "/own-tag/");
        }
    }
}
