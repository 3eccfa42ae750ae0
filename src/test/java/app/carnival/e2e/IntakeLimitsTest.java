package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake limits: a full verification queue per assignment, then the per-client and per-source buckets (429 + Retry-After). */
@QuarkusTest
@TestProfile(IntakeLimitsTest.Tight.class)
class IntakeLimitsTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carnival.intake.queue-cap-per-assignment", "2",
                    "carnival.intake.per-client-per-minute", "6",
                    "carnival.intake.per-source-host-per-minute", "4");
        }
    }

    static final String INVITATION = "https://host.example/2024/05/intake-limits/";

    static int send(String source) {
        return given().formParam("source", source)
                .formParam("target", INVITATION)
                .post("/webmention")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void theQueueCapThenTheSourceHostThenTheClientLimitRefuseWith429AndStoreNothing() {
        String token = Api.createSeries("intake-limits", "intakelimits");
        Api.createAssignment(
                        "intake-limits",
                        token,
                        Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);

        assertThat(send("https://a.example/1")).isEqualTo(202);
        assertThat(send("https://a.example/2")).isEqualTo(202);
        long queued = SqlCounts.count("mention");
        // The queue of the assignment is full: a new source waits outside it, a known one may be re-sent.
        given().formParam("source", "https://a.example/3")
                .formParam("target", INVITATION)
                .post("/webmention")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("detail", containsString("wait for verification"));
        assertThat(send("https://a.example/1")).isEqualTo(202);
        assertThat(SqlCounts.count("mention")).isEqualTo(queued);

        // a.example has used its 4 tokens; another host still gets through.
        given().formParam("source", "https://a.example/1")
                .formParam("target", INVITATION)
                .post("/webmention")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("sources on a.example"));
        assertThat(send("https://b.example/1")).isEqualTo(429); // queue still full, but counted for the client

        // The client has used its 6 tokens: refused whatever the source.
        given().formParam("source", "https://c.example/1")
                .formParam("target", INVITATION)
                .post("/webmention")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("from your address"));
        // Pingbacks share the client's bucket.
        given().contentType("text/xml")
                .body(PingbackTest.wordpressPing("https://d.example/1", INVITATION))
                .post("/xmlrpc")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("from your address"));
        assertThat(SqlCounts.count("mention")).isEqualTo(queued);
    }
}
