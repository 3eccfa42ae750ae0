package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pingback 1.0 through real XML-RPC bodies as WordPress sends them: verified during the call, answered with the spec's faults. */
@QuarkusTest
class PingbackTest {

    static final String INVITATION = "https://host.example/2024/05/pingback-invitation/";
    static final String PAGE = "http://carnival.test/series/pingback/1";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static String token;

    @BeforeEach
    void seed() {
        if (token == null) {
            token = Api.createSeries("pingback", "pingback");
            Api.createAssignment(
                            "pingback",
                            token,
                            Api.assignment(INVITATION, "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z", 0))
                    .statusCode(201);
        }
    }

    /** The request body WordPress's pingback() sends (wp-includes/comment.php, through IXR). */
    static String wordpressPing(String source, String target) {
        return """
                <?xml version="1.0"?>
                <methodCall>
                <methodName>pingback.ping</methodName>
                <params>
                <param><value><string>%s</string></value></param>
                <param><value><string>%s</string></value></param>
                </params></methodCall>
                """.formatted(source, target);
    }

    static Response ping(String body) {
        return given().contentType("text/xml")
                .header("User-Agent", "WordPress/6.5; http://blog.example")
                .body(body)
                .post("/xmlrpc");
    }

    static void assertFault(Response r, int code) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        assertThat(r.asString()).contains("<name>faultCode</name>").contains("<int>" + code + "</int>");
    }

    static String post(String title, String link) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed/\">"
                + "<meta property=\"article:published_time\" content=\"2024-05-07T08:00:00+02:00\"></head><body>"
                + "<article class=\"post\"><div class=\"entry-content\"><p>" + link + "</p></div></article>"
                + "</body></html>";
    }

    @Test
    void aWordPressPingbackToTheAssignmentPageIsVerifiedDuringTheCallAndRegisteredOnce() {
        String source = server.url("/pb/wp/2024/05/answer/");
        server.serve("/pb/wp/2024/05/answer/", "text/html", post("Answer", "<a href=\"" + PAGE + "\">carnival</a>"));
        server.serve(
                "/pb/wp/2024/05/answer/feed/",
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>comments</title></channel></rss>");
        server.serve(
                "/feed",
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>Pat's WordPress</title><link>" + server.url("/pb/wp/")
                        + "</link></channel></rss>");

        Response r = ping(wordpressPing(source, PAGE));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).doesNotContain("faultCode").contains("registered");

        List<Map<String, Object>> all = given().header("Authorization", "Bearer " + token)
                .get("/api/series/pingback/assignments/1/responses")
                .then()
                .extract()
                .jsonPath()
                .getList("");
        assertThat(all).hasSize(1);
        assertThat(all.get(0))
                .containsEntry("state", "PENDING")
                .containsEntry("source", "PINGBACK")
                .containsEntry("participant", "Pat's WordPress");

        assertFault(ping(wordpressPing(source, PAGE)), 48);
    }

    @Test
    void faultsFollowThePingbackSpecAndStoreNothing() {
        server.serve("/pb/nolink/post/", "text/html", post("No link", "<a href=\"https://elsewhere.example/\">x</a>"));
        server.status("/pb/gone/post/", 404, Map.of());
        long mentions = SqlCounts.count("mention");
        long responses = SqlCounts.count("response");

        assertFault(ping(wordpressPing(server.url("/pb/nolink/post/"), INVITATION)), 17);
        assertFault(ping(wordpressPing(server.url("/pb/gone/post/"), INVITATION)), 16);
        assertFault(ping(wordpressPing(server.url("/pb/x/"), "https://unrelated.example/post/")), 33);
        assertFault(ping(wordpressPing(server.url("/pb/x/"), "http://carnival.test/series/pingback/99")), 32);
        assertFault(ping(wordpressPing("not a url", INVITATION)), 16);
        assertThat(SqlCounts.count("response")).isEqualTo(responses);
        // The two verified-and-rejected sources are remembered with their reasons; nothing else was queued.
        assertThat(SqlCounts.count("mention")).isEqualTo(mentions + 2);
    }

    @Test
    void malformedAndHostileCallsAreFaultsNeverErrors() {
        long mentions = SqlCounts.count("mention");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE methodCall [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <methodCall><methodName>pingback.ping</methodName><params>
                <param><value><string>&x;</string></value></param>
                <param><value><string>%s</string></value></param></params></methodCall>
                """.formatted(INVITATION);
        for (String body : List.of(
                xxe,
                "<methodCall><methodName>pingback.ping</methodName>",
                "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName></methodCall>",
                wordpressPing("a", "b").replace("<param><value><string>b</string></value></param>", ""),
                "")) {
            Response r = ping(body);
            assertThat(r.statusCode()).as(body).isEqualTo(200);
            assertThat(r.asString()).as(body).contains("faultCode").doesNotContain("root:");
        }
        assertThat(SqlCounts.count("mention")).isEqualTo(mentions);
    }
}
