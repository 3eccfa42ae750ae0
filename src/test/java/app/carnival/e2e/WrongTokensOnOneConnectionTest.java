package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wrong token refused inside a request's transaction is counted without a second connection: with one connection
 * free, counting it while the transaction held that one waited for the pool to time out (a 500 instead of the 403),
 * and a pool of N ran dry under N such requests at once. The pool has two (Flyway needs both at start); the test
 * holds one.
 */
@QuarkusTest
@TestProfile(WrongTokensOnOneConnectionTest.OneConnection.class)
class WrongTokensOnOneConnectionTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "carnival.rate-limits.wrong-tokens", "3/1h");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void wrongTokensAreRefusedAndCountedWithOneConnectionFree() throws Exception {
        String slug = "one-connection";
        String token = Api.createSeries(slug, "#oneconnection");
        Response locked;
        try (Connection held = db.getConnection()) {
            for (int i = 0; i < 3; i++) {
                Response wrong = Api.rename(slug, "guess-" + i, "Guessed");
                assertThat(wrong.statusCode()).isEqualTo(403);
                assertThat(wrong.jsonPath().getString("detail")).contains("host token");
            }
            locked = Api.rename(slug, token, "Renamed while locked");
        }
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.jsonPath().getString("detail")).startsWith("Too many wrong tokens from your address");
        assertThat(given().get("/api/series/" + slug).jsonPath().getString("title"))
                .isEqualTo("Series " + slug);
    }
}
