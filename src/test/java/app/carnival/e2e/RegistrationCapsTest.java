package app.carnival.e2e;

import static app.carnival.e2e.OrphanFeedTest.feedExists;
import static app.carnival.e2e.RegistrationReviewTest.register;
import static app.carnival.e2e.RegistrationReviewTest.reviewedSeries;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caps of registration with their defaults (500 participants per series, 20 per feed host name):
 * the places up to a cap are filled by SQL, the last ones through the API and the form. Up to the cap
 * a registration succeeds; one more is a 409 naming the limit, and stores nothing.
 */
@QuarkusTest
class RegistrationCapsTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    AgroalDataSource dataSource;

    static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>"
            + "<id>urn:blog</id><updated>2024-06-01T00:00:00Z</updated></feed>";

    String blog(String path) {
        server.serve(path + "/feed", "application/atom+xml", ATOM);
        return server.url(path);
    }

    /** {@code count} participants of the series, on feeds at {@code urlPrefix + i + "/feed"}, as an earlier registration left them. */
    void fill(String slug, int count, String urlPrefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        WITH f AS (INSERT INTO feed (url)
                                   SELECT ? || g || '/feed' FROM generate_series(1, ?) g RETURNING id, url)
                        INSERT INTO participant (series_id, feed_id, name, blog_url, token_hash)
                        SELECT s.id, f.id, 'Filler', f.url, sha256(f.url::bytea) FROM f, series s WHERE s.slug = ?
                        """)) {
            ps.setString(1, urlPrefix);
            ps.setInt(2, count);
            ps.setString(3, slug);
            ps.executeUpdate();
        }
        // Never due: their schedule rows, made by the database once the feed rows are in, are set afterwards.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE feed_schedule SET next_poll_at = 'infinity'"
                        + " WHERE feed_id IN (SELECT id FROM feed WHERE url LIKE ? || '%')")) {
            ps.setString(1, urlPrefix);
            ps.executeUpdate();
        }
    }

    long participants(String slug) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM participant p JOIN series s ON s.id = p.series_id WHERE s.slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theFiveHundredthParticipantRegistersTheNextIsRefusedBeforeAnyFetch() throws SQLException {
        Api.createSeries("caps-series", "capsseries");
        fill("caps-series", 499, "https://blog-"); // 499 blogs, each on a host of its own
        String last = blog("/caps-last");
        String refused = blog("/caps-refused");

        register("caps-series", "Last", last).statusCode(201);
        String limit = "Series 'caps-series' is full: it has reached the limit of 500 participants per series,"
                + " so no more blogs can register.";
        register("caps-series", "Too many", refused)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo(limit));
        String page = given().contentType(ContentType.URLENC)
                .formParam("name", "Too many")
                .formParam("blogUrl", refused)
                .formParam("feedUrl", refused + "/feed")
                .post("/series/caps-series/register")
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertThat(Jsoup.parse(page).text()).contains(limit);

        assertThat(participants("caps-series")).isEqualTo(500);
        assertThat(feedExists(refused + "/feed")).isFalse();
        assertThat(server.requests("/caps-refused/feed")).isEmpty();
    }

    @Test
    void theTwentiethFeedOnAHostNamePendingOrNotRegistersTheNextIsRefusedAnotherHostStillFits() throws SQLException {
        reviewedSeries("caps-host", "capshost"); // a pending registration takes its place too
        fill("caps-host", 19, "http://127.0.0.1:" + server.port() + "/caps-host-");
        String twentieth = blog("/caps-host-20");
        String refused = blog("/caps-host-21");

        register("caps-host", "Twentieth", twentieth).statusCode(202);
        register("caps-host", "Twenty-first", refused)
                .statusCode(409)
                .body(
                        "detail",
                        equalTo("Series 'caps-host' already has 20 feeds on 127.0.0.1, the limit of 20 feeds per host"
                                + " name in one series, so no more feeds on 127.0.0.1 can register."));
        assertThat(participants("caps-host")).isEqualTo(20);
        assertThat(feedExists(refused + "/feed")).isFalse();

        // The same server under another name is another host.
        String named = "http://feeds.carnival.test:" + server.port() + "/caps-host-21";
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("name", "Named", "blogUrl", named, "feedUrl", named + "/feed"))
                .post("/api/series/caps-host/participants")
                .then()
                .statusCode(202);
        assertThat(participants("caps-host")).isEqualTo(21);
    }
}
