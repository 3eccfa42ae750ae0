package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service with its production defaults for safety: SSRF guard on, poll-now rate limited. */
@QuarkusTest
@TestProfile(GuardedServiceTest.ProductionSafety.class)
class GuardedServiceTest {

    public static class ProductionSafety implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carnival.fetch.allow-private-networks", "false",
                    "carnival.poll.manual-min-interval", "1h");
        }
    }

    @Test
    void aFeedOnAPrivateAddressIsRefusedWithAReadableReason() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.serve("/feed", "application/rss+xml", Feeds.wordpress(server.url("/")));
            String token = Api.createSeries("guarded", "guarded");
            long p = Api.register("guarded", "Sneaky", server.url("/"), server.url("/feed"));

            given().header("Authorization", "Bearer " + token)
                    .post("/api/participants/" + p + "/poll")
                    .then()
                    .statusCode(200)
                    .body("outcomes[0].result", equalTo("error"))
                    .body("outcomes[0].error", containsString("address not allowed"));
            given().get("/api/participants/" + p)
                    .then()
                    .body("feed.lastError", containsString("address not allowed"))
                    .body("feed.lastError", containsString("loopback"));
            assertThat(server.requests("/feed")).isEmpty();

            // Poll-now again at once: rate limited, with the time to wait.
            given().header("Authorization", "Bearer " + token)
                    .post("/api/participants/" + p + "/poll")
                    .then()
                    .statusCode(429)
                    .header("Retry-After", notNullValue())
                    .contentType("application/problem+json")
                    .body("detail", containsString("try again later"));
            given().header("Authorization", "Bearer " + token)
                    .post("/api/series/guarded/poll")
                    .then()
                    .statusCode(200)
                    .body("polled", equalTo(0))
                    .body("skipped", hasSize(1));
        }
    }
}
