package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.testing.ContractFilter;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract check is on in every end-to-end test: against a loopback peer that serves its own small
 * document, the installed filters let documented exchanges through and fail the others.
 */
@QuarkusTest
class ContractFilterTest {

    static final String DOC = """
            {"openapi": "3.0.3", "info": {"title": "peer", "version": "1"}, "paths": {"/api/things/{name}": {"get": {
              "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}},
                             {"name": "n", "in": "query", "required": true, "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
                "type": "object", "required": ["id", "note"],
                "properties": {"id": {"type": "integer"}, "note": {"type": "string", "nullable": true}}}}}}}}}}}
            """;
    static FeedServer peer;

    @BeforeAll
    static void start() throws Exception {
        peer = new FeedServer().serve("/q/openapi", "application/json", DOC);
        Map.of(
                        "good",
                        "{\"id\": 1, \"note\": null}",
                        "extra",
                        "{\"id\": 1, \"note\": \"n\", \"secret\": \"x\"}",
                        "mistyped",
                        "{\"id\": \"1\", \"note\": \"n\"}",
                        "missing",
                        "{\"id\": 1}")
                .forEach((name, body) -> peer.serve("/api/things/" + name, "application/json", body));
        peer.status("/api/things/broken", 500, Map.of());
        peer.serve("/things/anything", "application/json", "{\"not\": \"documented\"}");
    }

    @AfterAll
    static void stop() {
        peer.close();
    }

    @Test
    void isInstalledStrictForEveryTest() {
        assertThat(RestAssured.filters())
                .containsOnlyOnce(ContractFilter.STRICT)
                .doesNotContain(ContractFilter.RESPONSES_ONLY);
    }

    @Test
    void letsADocumentedExchangeThrough() {
        given().get(peer.url("/api/things/good?n=1")).then().statusCode(200);
    }

    @Test
    void failsAnUndocumentedMistypedOrMissingField() {
        breaksTheContract("GET", "/api/things/extra?n=1", "secret");
        breaksTheContract("GET", "/api/things/mistyped?n=1", "/id");
        breaksTheContract("GET", "/api/things/missing?n=1", "note");
    }

    @Test
    void failsAnUndocumentedStatus() {
        breaksTheContract("GET", "/api/things/broken?n=1", "500");
    }

    @Test
    void failsARequestTheDocumentForbids() {
        breaksTheContract("GET", "/api/things/good?n=one", "@query.n");
        breaksTheContract("GET", "/api/things/good", "Query parameter 'n' is required");
        breaksTheContract("DELETE", "/api/things/good?n=1", "DELETE operation not allowed");
    }

    @Test
    @SendsInvalidRequests
    void checksOnlyTheAnswerWhenTheRequestIsInvalidOnPurpose() {
        assertThat(RestAssured.filters())
                .containsOnlyOnce(ContractFilter.RESPONSES_ONLY)
                .doesNotContain(ContractFilter.STRICT);
        given().get(peer.url("/api/things/good?n=one")).then().statusCode(200);
        // no operation to check the answer against
        given().delete(peer.url("/api/things/good?n=1")).then().statusCode(200);
        breaksTheContract("GET", "/api/things/extra?n=one", "secret");
    }

    @Test
    void leavesPathsOutsideTheApiAlone() {
        assertThatCode(() -> given().get(peer.url("/things/anything")).then().statusCode(200))
                .doesNotThrowAnyException();
    }

    /** The exchange fails the test that made it, saying why. */
    static void breaksTheContract(String method, String path, String why) {
        assertThatThrownBy(() -> given().request(method, peer.url(path)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(why);
    }
}
