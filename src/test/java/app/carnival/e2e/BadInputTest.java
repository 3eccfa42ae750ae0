package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests get a problem document with a status that says whose fault it is, and change nothing. */
@QuarkusTest
@SendsInvalidRequests
class BadInputTest {

    static final String INVITATION = "https://host.example/invite";

    @Test
    void malformedJsonIs400() {
        given().contentType("application/json")
                .body("{\"slug\": \"x\", ")
                .post("/api/series")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void wrongTypeIs400WithTheField() {
        String token = Api.createSeries("bad-types", "bad");
        given().contentType("application/json")
                .header("Authorization", "Bearer " + token)
                .body(Map.of(
                        "title",
                        "t",
                        "invitationUrl",
                        INVITATION,
                        "opensAt",
                        "yesterday",
                        "closesAt",
                        "2024-05-02T00:00:00Z"))
                .post("/api/series/bad-types/assignments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("opensAt"));
        given().get("/api/series/bad-types/assignments").then().body("$", hasSize(0));
    }

    @Test
    void missingAndInvalidFieldsAre400WithFieldErrors() {
        given().contentType("application/json")
                .body(Map.of("slug", "Not A Slug", "hashtag", "#ok", "homeUrl", "javascript:alert(1)"))
                .post("/api/series")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("slug", "title", "homeUrl"))
                .body("detail", notNullValue());
        given().get("/api/series/not-a-slug").then().statusCode(404);
    }

    @Test
    void duplicateSlugIs409AndKeepsTheFirst() {
        Api.createSeries("bad-dup", "first");
        given().contentType("application/json")
                .body(Map.of("slug", "bad-dup", "title", "Second", "hashtag", "second"))
                .post("/api/series")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/series/bad-dup").then().body("hashtag", equalTo("first"));
    }

    @Test
    void windowThatClosesBeforeItOpensIs422() {
        String token = Api.createSeries("bad-window", "bad");
        Api.createAssignment(
                        "bad-window",
                        token,
                        Api.assignment(INVITATION, "2024-05-10T00:00:00Z", "2024-05-01T00:00:00Z", 0))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("closesAt"));
        Map<String, Object> badZone =
                new java.util.HashMap<>(Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-10T00:00:00Z", 0));
        badZone.put("timezone", "Mars/Olympus");
        Api.createAssignment("bad-window", token, badZone).statusCode(422).body("detail", containsString("timezone"));
        given().get("/api/series/bad-window/assignments").then().body("$", hasSize(0));
    }

    @Test
    void duplicateAssignmentNumberIs409() {
        String token = Api.createSeries("bad-number", "bad");
        Map<String, Object> body =
                new java.util.HashMap<>(Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-10T00:00:00Z", 0));
        body.put("number", 7);
        Api.createAssignment("bad-number", token, body).statusCode(201).body("number", equalTo(7));
        Api.createAssignment("bad-number", token, body).statusCode(409);
        body.put("number", -1);
        Api.createAssignment("bad-number", token, body).statusCode(400);
    }

    @Test
    void unknownThingsAre404() {
        Api.createSeries("bad-404", "bad");
        given().get("/api/series/no-such-series").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/series/bad-404/assignments/1")
                .then()
                .statusCode(404)
                .body("detail", containsString("no assignment"));
        given().get("/api/series/bad-404/assignments/abc").then().statusCode(404);
        given().get("/api/series/bad-404/assignments/99999999999999/roundup")
                .then()
                .statusCode(404);
        given().get("/api/participants/123456789").then().statusCode(404);
        given().get("/api/participants/xyz").then().statusCode(404);
    }

    @Test
    void registrationNeedsValidUrlsAndRejectsDuplicates() {
        Api.createSeries("bad-reg", "bad");
        given().contentType("application/json")
                .body(Map.of("name", "A", "blogUrl", "ftp://example.org/", "feedUrl", "https://example.org/feed"))
                .post("/api/series/bad-reg/participants")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("blogUrl"));
        given().contentType("application/json")
                .body(Map.of("name", "A", "blogUrl", "https://example.org/"))
                .post("/api/series/bad-reg/participants")
                .then()
                .statusCode(422)
                .body("detail", containsString("feedUrl"));
        Api.register("bad-reg", "A", "https://example.org/", "https://example.org/feed");
        given().contentType("application/json")
                .body(Map.of("name", "B", "blogUrl", "https://example.org/", "feedUrl", "https://example.org/feed"))
                .post("/api/series/bad-reg/participants")
                .then()
                .statusCode(409);
        given().get("/api/series/bad-reg/participants").then().body("$", hasSize(1));
    }
}
