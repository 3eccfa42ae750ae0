package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.intake.MentionWorker;
import app.carnival.testing.FeedServer;
import app.carnival.testing.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, point 6: bad input to the Webmention endpoint and hostile sources, with the SSRF guard on
 * (only the test's own loopback server is exempt). Each case is a clear 4xx problem or a rejected
 * status with its reason; none is a 500, and none stores a response or a participant.
 */
@QuarkusTest
@TestProfile(IntakeBadInputTest.Guarded.class)
@SendsInvalidRequests
class IntakeBadInputTest {

    public static class Guarded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "carnival.fetch.allow-private-networks", "false",
                    "carnival.fetch.allow-networks", "127.0.0.1/32",
                    "carnival.fetch.total-timeout", "2s",
                    "carnival.fetch.max-body-bytes", "200000");
        }
    }

    static final String INVITATION = "https://host.example/2024/05/intake-bad-input/";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    MentionWorker worker;

    static boolean seeded;

    @BeforeEach
    void seed() {
        if (!seeded) {
            String token = Api.createSeries("intake-bad", "intakebad");
            Api.createAssignment(
                            "intake-bad",
                            token,
                            Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                    .statusCode(201);
            seeded = true;
        }
    }

    record Case(String name, String contentType, String body, int status, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> requests() {
        String ok = "http://127.0.0.1:9/post/";
        return Stream.of(
                        new Case(
                                "no source",
                                "application/x-www-form-urlencoded",
                                "target=" + INVITATION,
                                400,
                                "source"),
                        new Case("no target", "application/x-www-form-urlencoded", "source=" + ok, 400, "target"),
                        new Case("empty body", "application/x-www-form-urlencoded", "", 400, "required"),
                        new Case(
                                "source not http",
                                "application/x-www-form-urlencoded",
                                "source=ftp://example.org/x&target=" + INVITATION,
                                400,
                                "http(s)"),
                        new Case(
                                "javascript source",
                                "application/x-www-form-urlencoded",
                                "source=javascript:alert(1)&target=" + INVITATION,
                                400,
                                "http(s)"),
                        new Case(
                                "relative source",
                                "application/x-www-form-urlencoded",
                                "source=/post&target=" + INVITATION,
                                400,
                                "http(s)"),
                        new Case(
                                "target no assignment",
                                "application/x-www-form-urlencoded",
                                "source=" + ok + "&target=https://elsewhere.example/post/",
                                400,
                                "neither the invitation"),
                        new Case(
                                "source is target",
                                "application/x-www-form-urlencoded",
                                "source=" + INVITATION + "&target=" + INVITATION.replace("https:", "http:"),
                                400,
                                "different page"),
                        new Case(
                                "over-long source",
                                "application/x-www-form-urlencoded",
                                "source=http://127.0.0.1/" + "a".repeat(3000) + "&target=" + INVITATION,
                                400,
                                "longer than"),
                        new Case(
                                "malformed escapes",
                                "application/x-www-form-urlencoded",
                                "source=%zz%&target=%%",
                                400,
                                ""),
                        new Case("JSON body", "application/json", "{\"source\":\"" + ok + "\"}", 415, ""))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void badRequestsAreClearProblemsAndStoreNothing(Case c) {
        long before = mentions();
        Response r = given().contentType(c.contentType()).body(c.body()).post("/webmention");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(c.status());
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains(c.detail()).isNotBlank();
        assertThat(mentions()).isEqualTo(before);
    }

    static String page(String invitation) {
        return "<!DOCTYPE html><html><head><title>Post</title>"
                + "<meta property=\"article:published_time\" content=\"2024-05-03T10:00:00Z\"></head>"
                + "<body><article><div class=\"entry-content\"><a href=\"" + invitation + "\">invitation</a>"
                + "</div></article></body></html>";
    }

    /** Sends a Webmention that passes the synchronous checks, lets the worker verify it, and returns its status. */
    Response verified(String source) {
        String location = given().formParam("source", source)
                .formParam("target", INVITATION)
                .post("/webmention")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        worker.drain();
        return given().get(location.substring(location.indexOf("/webmention/")));
    }

    @Test
    void aSourceOnAPrivateAddressIsRejectedAndNeverFetched() {
        Response status = verified("http://10.1.2.3/2024/05/post/");
        status.then().body("status", equalTo("rejected")).body("detail", containsString("address not allowed"));
        assertNothingStored();
    }

    @Test
    void aSourceThatRedirectsIntoAPrivateNetworkIsRejected() {
        server.status("/redirecting/post/", 302, Map.of("Location", "http://192.168.10.20/admin"));
        verified(server.url("/redirecting/post/"))
                .then()
                .body("status", equalTo("rejected"))
                .body("detail", containsString("address not allowed"));
        assertNothingStored();
    }

    @Test
    void aHugeSourceIsRejected() {
        server.serve("/huge/post/", "text/html", page(INVITATION) + "<!--" + "x".repeat(300_000) + "-->");
        verified(server.url("/huge/post/"))
                .then()
                .body("status", equalTo("rejected"))
                .body("detail", containsString("larger than"));
        assertNothingStored();
    }

    @Test
    void aSlowSourceIsTriedAgainLaterAndStoresNothing() {
        server.serve("/slow/post/", "text/html", page(INVITATION));
        server.delay("/slow/post/", Duration.ofSeconds(4));
        verified(server.url("/slow/post/"))
                .then()
                .body("status", equalTo("queued"))
                .body("detail", containsString("timed out"));
        assertNothingStored();
    }

    @Test
    void aSourceThatIsNotAWebPageIsRejected() {
        server.serve("/feed-not-page/", "application/rss+xml", Feeds.wordpress(server.url("/")));
        verified(server.url("/feed-not-page/"))
                .then()
                .body("status", equalTo("rejected"))
                .body("detail", containsString("not a web page"));
        assertNothingStored();
    }

    @Test
    void anUnknownStatusIdIsANotFoundProblem() {
        for (String id : List.of("nope", "00000000-0000-0000-0000-000000000000", "%27%20OR%201=1")) {
            given().get("/webmention/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("No Webmention"));
        }
    }

    @Test
    void aTimeoutNeverRemovesAResponse() {
        String token = Api.createSeries("intake-timeout", "intaketimeout");
        String invitation = "https://host.example/2024/05/intake-timeout/";
        Api.createAssignment(
                        "intake-timeout",
                        token,
                        Api.assignment(invitation, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                .statusCode(201);
        Api.register("intake-timeout", "Gil", server.url("/gil/"), server.url("/gil/feed"));
        server.serve("/gil/post/", "text/html", page(invitation));
        String location = given().formParam("source", server.url("/gil/post/"))
                .formParam("target", invitation)
                .post("/webmention")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String status = location.substring(location.indexOf("/webmention/"));
        worker.drain();
        given().get(status).then().body("status", equalTo("accepted"));

        server.delay("/gil/post/", Duration.ofSeconds(4));
        given().formParam("source", server.url("/gil/post/"))
                .formParam("target", invitation)
                .post("/webmention")
                .then()
                .statusCode(202);
        worker.drain();
        given().get(status).then().body("status", equalTo("queued")).body("detail", containsString("timed out"));
        given().get("/api/series/intake-timeout/assignments/1/roundup").then().body("count", equalTo(1));
    }

    static void assertNothingStored() {
        given().get("/api/series/intake-bad/participants").then().body("size()", equalTo(0));
        given().get("/api/series/intake-bad/assignments/1/roundup").then().body("count", equalTo(0));
        assertThat(SqlCounts.longValue("SELECT count(*) FROM response r JOIN assignment a ON a.id = r.assignment_id"
                        + " JOIN series s ON s.id = a.series_id WHERE s.slug = 'intake-bad'"))
                .isZero();
    }

    static long mentions() {
        return SqlCounts.count("mention");
    }
}
