package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host runs the series through the API: edit its settings, replace the host token, delete it. */
@QuarkusTest
class SeriesAdminTest {

    static final String INVITATION = "https://host.example/2024/06/admin-invitation";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    PollScheduler scheduler;

    @Inject
    EntityManager em;

    static ValidatableResponse patch(String slug, String token, Object body) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(body)
                .patch("/api/series/" + slug)
                .then();
    }

    static JsonPath series(String slug) {
        return given().get("/api/series/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String seriesWithAssignment(String slug, String hashtag) {
        String token = Api.createSeries(slug, hashtag);
        Api.createAssignment(slug, token, Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0))
                .statusCode(201);
        return token;
    }

    /** A blog whose feed has one post in the window, tagged (as a category) {@code tag}, without link-back. */
    static String blog(String path, String tag) {
        String site = server.url(path);
        server.serve(
                path + "/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/" + tag + "/",
                                "Tagged " + tag,
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                tag,
                                "<p>An answer.</p>")));
        return site;
    }

    boolean feedExists(String url) {
        return QuarkusTransaction.requiringNew()
                .call(() -> !em.createNativeQuery("SELECT 1 FROM feed WHERE url = ?1")
                        .setParameter(1, url)
                        .getResultList()
                        .isEmpty());
    }

    long rows(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql)
                                .setParameter(1, parameter)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void theHostEditsTheSettingsAndTheSlugStays() {
        String token = Api.createSeries("adm-edit", "admedit");

        patch(
                        "adm-edit",
                        token,
                        Map.of(
                                "title",
                                "  Admin edits  ",
                                "description",
                                "Now described",
                                "homeUrl",
                                "https://host.example/",
                                "intakePolicy",
                                "AUTO",
                                "slug",
                                "adm-edit"))
                .statusCode(200)
                .body("slug", equalTo("adm-edit"))
                .body("title", equalTo("Admin edits"))
                .body("description", equalTo("Now described"))
                .body("hashtag", equalTo("admedit"))
                .body("homeUrl", equalTo("https://host.example/"))
                .body("intakePolicy", equalTo("AUTO"))
                .body("hostToken", nullValue());
        // A merge patch: what it leaves out stays, a null removes what may be absent.
        patch("adm-edit", token, "{\"homeUrl\": null, \"hashtag\": \"#AdmEdit2\"}")
                .statusCode(200)
                .body("title", equalTo("Admin edits"))
                .body("homeUrl", nullValue())
                .body("hashtag", equalTo("AdmEdit2"));

        patch("adm-edit", token, Map.of("slug", "adm-other", "title", "Renamed"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("slug")))
                .body("detail", containsString("can not change"));
        assertThat(series("adm-edit").getString("title")).isEqualTo("Admin edits");
        given().get("/api/series/adm-other").then().statusCode(404);
    }

    @Test
    void theSlugOfThePagesStartFormIsNotASeries() {
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", "new", "title", "New", "hashtag", "new"))
                .post("/api/series")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("slug")))
                .body("detail", containsString("reserved"));
    }

    @Test
    @SendsInvalidRequests // a body that is no object, on purpose
    void badValuesAreRefusedAtTheirFieldAndNothingChanges() {
        String token = Api.createSeries("adm-bad", "admbad");
        JsonPath before = series("adm-bad");

        patch(
                        "adm-bad",
                        token,
                        Map.of(
                                "title",
                                " ",
                                "hashtag",
                                "two words",
                                "homeUrl",
                                "ftp://host.example/",
                                "description",
                                "Changed?"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title", "hashtag", "homeUrl")))
                .body("detail", containsString("title: must not be blank"));
        patch("adm-bad", token, Map.of("intakePolicy", "SOMETIMES")).statusCode(400);
        patch("adm-bad", token, "{\"title\": 5}").statusCode(400).body("errors.field", equalTo(List.of("title")));
        patch("adm-bad", token, Map.of("hostToken", "mine", "title", "Changed?"))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("hostToken")));
        patch("adm-bad", token, "[]").statusCode(400);

        assertThat(series("adm-bad").getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    @SendsInvalidRequests // no token, on purpose
    void onlyTheHostMayEditRotateOrDelete() {
        String token = Api.createSeries("adm-auth", "admauth");
        String other = Api.createSeries("adm-auth-other", "admauth");

        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Mine now"))
                .patch("/api/series/adm-auth")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        given().post("/api/series/adm-auth/host-token").then().statusCode(401);
        given().delete("/api/series/adm-auth").then().statusCode(401);
        patch("adm-auth", other, Map.of("title", "Mine now")).statusCode(403);
        given().header("Authorization", "Bearer " + other)
                .post("/api/series/adm-auth/host-token")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + other)
                .delete("/api/series/adm-auth")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + token)
                .delete("/api/series/adm-none")
                .then()
                .statusCode(404);

        assertThat(series("adm-auth").getString("title")).isEqualTo("Series adm-auth");
        patch("adm-auth", token, Map.of("title", "Still mine")).statusCode(200);
    }

    @Test
    @SendsInvalidRequests // the host cookie instead of a bearer token
    void aRotatedTokenReplacesTheOldOneEverywhere() {
        String old = Api.createSeries("adm-rotate", "admrotate");

        String fresh = given().header("Authorization", "Bearer " + old)
                .post("/api/series/adm-rotate/host-token")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .path("hostToken");

        assertThat(fresh).isNotEqualTo(old).hasSizeGreaterThanOrEqualTo(43);
        patch("adm-rotate", old, Map.of("title", "Old token")).statusCode(403);
        given().header("Authorization", "Bearer " + old)
                .post("/api/series/adm-rotate/host-token")
                .then()
                .statusCode(403);
        // A browser signed in with the old token is signed out: its cookie is refused, API and pages alike.
        given().cookie("carnival_host", old)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Old cookie"))
                .patch("/api/series/adm-rotate")
                .then()
                .statusCode(403);
        String page = given().cookie("carnival_host", old)
                .get("/series/adm-rotate/host")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("Enter the host token").doesNotContain("Feed health");
        given().cookie("carnival_host", old)
                .contentType(ContentType.URLENC)
                .formParam("csrf", "anything")
                .formParam("participantId", "1")
                .post("/series/adm-rotate/host/poll")
                .then()
                .statusCode(403);

        patch("adm-rotate", fresh, Map.of("title", "New token")).statusCode(200);
        given().cookie("carnival_host", fresh)
                .get("/series/adm-rotate/host")
                .then()
                .statusCode(200)
                .body(containsString("Feed health"));
        assertThat(series("adm-rotate").getString("title")).isEqualTo("New token");
    }

    @Test
    void deletingASeriesRemovesItsDataAndTheFeedsNobodyElseFollows() {
        String alone = blog("/adm-del-alone", "admdel");
        String shared = blog("/adm-del-shared", "admdel");
        String token = seriesWithAssignment("adm-del", "admdel");
        seriesWithAssignment("adm-keep", "admdel");
        long aloneId = Api.register("adm-del", "Ann", alone, alone + "/feed");
        long sharedId = Api.register("adm-del", "Sam", shared, shared + "/feed");
        Api.register("adm-keep", "Sam", shared, shared + "/feed");
        Api.pollSeries("adm-del", token).statusCode(200); // the shared feed answers for both series
        // Both round-ups rendered once, so kept in the cache.
        given().get("/api/series/adm-del/assignments/1/roundup").then().body("count", equalTo(2));
        given().get("/series/adm-del/1").then().statusCode(200).body(containsString("Tagged admdel"));
        long seriesId = rows("SELECT id FROM series WHERE slug = ?1", "adm-del");

        given().header("Authorization", "Bearer " + token)
                .delete("/api/series/adm-del")
                .then()
                .statusCode(204);

        given().get("/api/series/adm-del").then().statusCode(404);
        given().get("/api/series/adm-del/assignments/1/roundup").then().statusCode(404);
        given().get("/series/adm-del/1").then().statusCode(404);
        given().get("/api/participants/" + aloneId).then().statusCode(404);
        given().get("/api/participants/" + sharedId).then().statusCode(404);
        patch("adm-del", token, Map.of("title", "Back?")).statusCode(404);
        assertThat(rows("SELECT count(*) FROM assignment WHERE series_id = ?1", seriesId))
                .isZero();
        assertThat(rows(
                        "SELECT count(*) FROM response r JOIN participant p ON p.id = r.participant_id"
                                + " WHERE p.series_id = ?1",
                        seriesId))
                .isZero();
        assertThat(feedExists(alone + "/feed")).isFalse();
        assertThat(feedExists(shared + "/feed")).isTrue();

        // The shared feed is still polled, for the series that kept it.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE feed_schedule SET next_poll_at = now()"
                                + " WHERE feed_id = (SELECT id FROM feed WHERE url = ?1)")
                        .setParameter(1, shared + "/feed")
                        .executeUpdate());
        server.clearRequests();
        scheduler.pollDue();
        assertThat(server.requests("/adm-del-shared/feed")).hasSize(1);
        assertThat(server.requests("/adm-del-alone/feed")).isEmpty();
        given().get("/api/series/adm-keep/assignments/1/roundup").then().body("count", equalTo(1));

        // The slug is free again, and its new round-up is its own: nothing cached is served for it.
        String again = Api.createSeries("adm-del", "admdel");
        Api.createAssignment(
                        "adm-del",
                        again,
                        Map.of(
                                "title",
                                "A fresh start",
                                "invitationUrl",
                                INVITATION + "-2",
                                "opensAt",
                                "2024-06-01T00:00:00Z",
                                "closesAt",
                                "2024-06-10T00:00:00Z"))
                .statusCode(201);
        given().get("/api/series/adm-del/assignments/1/roundup")
                .then()
                .body("count", equalTo(0))
                .body("assignment.title", equalTo("A fresh start"));
        given().get("/series/adm-del/1")
                .then()
                .statusCode(200)
                .body(containsString("A fresh start"))
                .body(org.hamcrest.Matchers.not(containsString("Tagged admdel")));
    }

    @Test
    void aNewHashtagMatchesTheStoredPostsAgain() {
        String site = server.url("/adm-tag");
        server.serve(
                "/adm-tag/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/old/",
                                "Old tag",
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                "admoldtag",
                                "<p>Old.</p>"),
                        Feeds.wordpressItem(
                                site + "/new/",
                                "New tag",
                                "Tue, 04 Jun 2024 10:00:00 +0000",
                                "admnewtag",
                                "<p>New.</p>")));
        String token = seriesWithAssignment("adm-tag", "admoldtag");
        Api.register("adm-tag", "Tess", site, site + "/feed");
        Api.pollSeries("adm-tag", token).statusCode(200);
        given().get("/api/series/adm-tag/assignments/1/roundup")
                .then()
                .body("responses.title", equalTo(List.of("Old tag")));
        // The assignment page, rendered and cached, names the series.
        given().get("/series/adm-tag/1").then().body(containsString(">Series adm-tag</a>"));

        patch("adm-tag", token, Map.of("hashtag", "#admnewtag", "title", "Retagged"))
                .statusCode(200)
                .body("hashtag", equalTo("admnewtag"));

        given().get("/api/series/adm-tag/assignments/1/roundup")
                .then()
                .body("responses", hasSize(1))
                .body("responses.title", equalTo(List.of("New tag")));
        given().get("/series/adm-tag/1")
                .then()
                .body(containsString(">Retagged</a>"))
                .body(org.hamcrest.Matchers.not(containsString(">Series adm-tag</a>")));
    }
}
