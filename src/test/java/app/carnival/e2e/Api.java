package app.carnival.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** Small rest-assured helpers shared by the end-to-end tests. */
final class Api {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {}

    /** Creates a series and returns its host token. */
    static String createSeries(String slug, String hashtag) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "slug", slug, "title", "Series " + slug, "description", "A test carnival", "hashtag", hashtag))
                .post("/api/series")
                .then()
                .statusCode(201)
                .extract()
                .path("hostToken");
    }

    /** Renames a series with the given bearer token (a merge patch of its title). */
    static Response rename(String slug, String token, String title) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("title", title))
                .patch("/api/series/" + slug);
    }

    static ValidatableResponse createAssignment(String slug, String hostToken, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + hostToken)
                .body(body)
                .post("/api/series/" + slug + "/assignments")
                .then();
    }

    static Map<String, Object> assignment(String invitationUrl, String opensAt, String closesAt, int graceMinutes) {
        return Map.of(
                "title", "What is your favourite feature?",
                "invitationUrl", invitationUrl,
                "questions", List.of("What is it?", "Why?"),
                "opensAt", opensAt,
                "closesAt", closesAt,
                "graceMinutes", graceMinutes);
    }

    /** Registers a participant and returns its id. */
    static long register(String slug, String name, String blogUrl, String feedUrl) {
        return ((Number) given().contentType(ContentType.JSON)
                        .body(Map.of("name", name, "blogUrl", blogUrl, "feedUrl", feedUrl))
                        .post("/api/series/" + slug + "/participants")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    static ValidatableResponse pollSeries(String slug, String hostToken) {
        return given().header("Authorization", "Bearer " + hostToken)
                .post("/api/series/" + slug + "/poll")
                .then();
    }

    /**
     * Submits the host's login form as a browser does: the page first (its CSRF cookie and hidden
     * field), then the token. The answer is not followed: 303 with the session cookie, or the form again.
     */
    static Response logIn(String slug, String hostToken) {
        Response page = given().get("/series/" + slug + "/host");
        String form = Jsoup.parse(page.asString()).select("input[name=form]").attr("value");
        return given().redirects()
                .follow(false)
                .cookie("carnival_form", page.cookie("carnival_form"))
                .contentType(ContentType.URLENC)
                .formParam("form", form)
                .formParam("token", hostToken)
                .post("/series/" + slug + "/host/login");
    }
}
