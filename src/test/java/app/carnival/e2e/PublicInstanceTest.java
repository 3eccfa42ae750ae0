package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import app.carnival.testing.HtmlChecker;
import app.carnival.testing.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An instance set up for the public: only the operator token starts a series, and every public write
 * is limited per client address. Each limit here is 3 per hour (one more every 20 minutes); the table
 * of counts is emptied before each test, so each test starts with a full allowance.
 */
@QuarkusTest
@TestProfile(PublicInstanceTest.Public.class)
class PublicInstanceTest {

    static final String OPERATOR = "operator-secret-token";

    public static class Public implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carnival.series-creation", "token",
                    "carnival.operator-token", OPERATOR,
                    "carnival.rate-limits.series-creation", "3/1h",
                    "carnival.rate-limits.registration", "3/1h",
                    "carnival.rate-limits.self-service", "3/1h",
                    "carnival.rate-limits.wrong-tokens", "3/1h");
        }
    }

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    AgroalDataSource db;

    @Inject
    TestClock clock;

    @BeforeEach
    void fullAllowance() throws Exception {
        sql("DELETE FROM rate_limit");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void startingASeriesNeedsTheOperatorTokenAndIsLimitedToThreeAnHour() throws Exception {
        Response none = create("pi-none", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.jsonPath().getString("detail")).contains("operator token");
        Response wrong = create("pi-wrong", "not-the-operator-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.jsonPath().getString("detail")).contains("operator token");
        sql("DELETE FROM rate_limit");

        for (int i = 1; i <= 3; i++) {
            assertThat(create("pi-series-" + i, OPERATOR).statusCode()).isEqualTo(201);
        }
        Response refused = create("pi-series-4", OPERATOR);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("detail"))
                .matches("Too many series started from your address: try again in \\d+ s\\.");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1190L, 1200L);
        assertThat(count("SELECT count(*) FROM series WHERE slug LIKE 'pi-%'")).isEqualTo(3);

        clock.advance(Duration.ofMinutes(20));
        assertThat(create("pi-series-4", OPERATOR).statusCode()).isEqualTo(201);
        assertThat(create("pi-series-5", OPERATOR).statusCode()).isEqualTo(429);
    }

    @Test
    void theStartFormAsksForTheOperatorTokenAndSaysWhenTheLimitIsReached() throws Exception {
        Response page = given().get("/series/new");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.asString()).select("input#operatorToken[type=password]"))
                .hasSize(1);

        Response withoutToken = startForm(page, "pi-form-0", "");
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(withoutToken.asString())
                        .select("#operatorToken-error")
                        .text())
                .contains("Operator token is needed");
        assertThat(HtmlChecker.problems(withoutToken.asString())).isEmpty();
        assertThat(startForm(page, "pi-form-1", OPERATOR).statusCode()).isEqualTo(201);
        assertThat(startForm(page, "pi-form-2", OPERATOR).statusCode()).isEqualTo(201);

        Response refused = startForm(page, "pi-form-3", OPERATOR);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(Jsoup.parse(refused.asString()).select("h1").text()).isEqualTo("Too many requests");
        assertThat(Jsoup.parse(refused.asString()).select("p.error").text())
                .startsWith("Too many series started from your address: try again in ");
        assertThat(HtmlChecker.problems(refused.asString())).isEmpty();
        assertThat(count("SELECT count(*) FROM series WHERE slug LIKE 'pi-form-%'"))
                .isEqualTo(2);
    }

    @Test
    void registrationOnTheApiAndTheFormIsLimitedPerAddress() throws Exception {
        String slug = "pi-register";
        create(slug, OPERATOR).then().statusCode(201);
        for (int i = 1; i <= 2; i++) {
            String site = OrphanFeedTest.blogWithOnePost(server, "/pi-blog" + i, "piregister");
            Api.register(slug, "Blogger " + i, site, site + "/feed");
        }
        String site = OrphanFeedTest.blogWithOnePost(server, "/pi-blog3", "piregister");
        assertThat(registerByForm(slug, "Blogger 3", site).statusCode()).isEqualTo(201);

        String fourth = OrphanFeedTest.blogWithOnePost(server, "/pi-blog4", "piregister");
        Response api = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Blogger 4", "blogUrl", fourth, "feedUrl", fourth + "/feed"))
                .post("/api/series/" + slug + "/participants");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.jsonPath().getString("detail")).startsWith("Too many registrations from your address");
        assertThat(api.header("Retry-After")).isNotBlank();
        Response form = registerByForm(slug, "Blogger 4", fourth);
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(form.asString()).select("p.error").text())
                .startsWith("Too many registrations from your address");
        assertThat(count("SELECT count(*) FROM participant p JOIN series s ON s.id = p.series_id WHERE s.slug = '"
                        + slug + "'"))
                .isEqualTo(3);
        assertThat(server.requests("/pi-blog4/feed")).isEmpty();
    }

    @Test
    void aParticipantsOwnRequestsAreLimited() throws Exception {
        String slug = "pi-self";
        create(slug, OPERATOR).then().statusCode(201);
        String site = OrphanFeedTest.blogWithOnePost(server, "/pi-self", "piself");
        long id = Api.register(slug, "Self", site, site + "/feed");
        for (int i = 0; i < 3; i++) {
            given().get("/api/participants/" + id).then().statusCode(200);
        }
        given().get("/api/participants/" + id)
                .then()
                .statusCode(429)
                .body("detail", containsString("Too many requests for participants from your address"));
        Response unsubscribe = given().get("/unsubscribe/no-such-token");
        assertThat(unsubscribe.statusCode()).isEqualTo(429);
        assertThat(unsubscribe.contentType()).startsWith("text/html");
    }

    @Test
    void wrongBearerTokensLockTheAddressOutOfTokenChecksEvenWithTheRightToken() throws Exception {
        String slug = "pi-guess";
        String token = create(slug, OPERATOR).then().statusCode(201).extract().path("hostToken");
        sql("DELETE FROM rate_limit");
        for (int i = 0; i < 3; i++) {
            // Proxy forwarding is off here: a forwarded address is ignored, not a way to a fresh allowance.
            given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer guess-" + i)
                    .header("X-Forwarded-For", "198.51.100." + i)
                    .header("Forwarded", "for=198.51.100." + i)
                    .body(Map.of("title", "Guessed"))
                    .patch("/api/series/" + slug)
                    .then()
                    .statusCode(403);
        }
        Response locked = Api.rename(slug, token, "Renamed while locked");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.jsonPath().getString("detail")).startsWith("Too many wrong tokens from your address");
        given().get("/api/series/" + slug).then().statusCode(200).body("title", equalTo("Series " + slug));

        clock.advance(Duration.ofMinutes(20));
        Api.rename(slug, token, "Renamed").then().statusCode(200).body("title", equalTo("Renamed"));
    }

    @Test
    void failedHostLoginsAreLimitedAndTheRightTokenIsRefusedToo() throws Exception {
        String slug = "pi-login";
        String token = create(slug, OPERATOR).then().statusCode(201).extract().path("hostToken");
        sql("DELETE FROM rate_limit");
        for (int i = 0; i < 3; i++) {
            assertThat(Api.logIn(slug, "guess-" + i).statusCode()).isEqualTo(403);
        }
        Response locked = Api.logIn(slug, token);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(locked.getCookie("carnival_host")).isNull();
        assertThat(Jsoup.parse(locked.asString()).select("p.error").text())
                .startsWith("Too many wrong tokens from your address");

        clock.advance(Duration.ofMinutes(20));
        assertThat(Api.logIn(slug, token).statusCode()).isEqualTo(303);
    }

    @Test
    void aHostCookieThatSignsInAsNobodyIsCountedOnceAndDropped() throws Exception {
        String slug = "pi-cookie";
        create(slug, OPERATOR).then().statusCode(201);
        sql("DELETE FROM rate_limit");
        Response page = given().cookie("carnival_host", "a-replaced-token").get("/series/" + slug + "/host");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("name=\"token\"");
        assertThat(page.getDetailedCookie("carnival_host").getMaxAge()).isZero();
        assertThat(count("SELECT count(*) FROM rate_limit WHERE bucket LIKE 'WRONG_TOKENS %'"))
                .isEqualTo(1);
        // The visit used one wrong token of the three:
        Api.rename(slug, "guess-1", "Guessed").then().statusCode(403);
        Api.rename(slug, "guess-2", "Guessed").then().statusCode(403);
        Api.rename(slug, "guess-3", "Guessed").then().statusCode(429);
    }

    private static Response registerByForm(String slug, String name, String site) {
        return given().contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("blogUrl", site)
                .formParam("feedUrl", site + "/feed")
                .post("/series/" + slug + "/register");
    }

    private static Response create(String slug, String operatorToken) {
        var request = given().contentType(ContentType.JSON);
        if (operatorToken != null) {
            request.header("Authorization", "Bearer " + operatorToken);
        }
        return request.body(Map.of("slug", slug, "title", "Series " + slug, "hashtag", slug.replace("-", "")))
                .post("/api/series");
    }

    private static Response startForm(Response page, String slug, String operatorToken) {
        String form = Jsoup.parse(page.asString()).select("input[name=form]").attr("value");
        return given().cookie("carnival_form", page.cookie("carnival_form"))
                .contentType(ContentType.URLENC)
                .formParam("form", form)
                .formParam("operatorToken", operatorToken)
                .formParam("title", "Form " + slug)
                .formParam("slug", slug)
                .formParam("hashtag", slug.replace("-", ""))
                .post("/series/new");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
