package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Hostile XML through the whole poll path: nothing is loaded, nothing is expanded, the error is recorded. */
@QuarkusTest
class XmlAttacksTest {

    @Test
    void externalEntitiesReadNoFileAndMakeNoRequest() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.serve("/secret", "text/plain", "TOP-SECRET");
            server.serve("/xxe-file", "application/rss+xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <rss version="2.0"><channel><title>&xxe;</title>
                    <item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>
                    """);
            server.serve("/xxe-http", "application/rss+xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY % remote SYSTEM "SECRET"> %remote;]>
                    <rss version="2.0"><channel><title>t</title></channel></rss>
                    """.replace("SECRET", server.url("/secret")));
            String token = Api.createSeries("xxe", "xxe");
            long file = Api.register("xxe", "File", server.url("/"), server.url("/xxe-file"));
            long http = Api.register("xxe", "Http", server.url("/"), server.url("/xxe-http"));
            Api.pollSeries("xxe", token).statusCode(200);

            given().get("/api/participants/" + file)
                    .then()
                    .body("feed.lastError", containsString("DOCTYPE"))
                    .body("recentPosts.size()", equalTo(0))
                    .body(not(containsString("root:")));
            given().get("/api/participants/" + http).then().body("feed.lastError", containsString("DOCTYPE"));
            assertThat(server.requests("/secret")).isEmpty();
        }
    }

    @Test
    void billionLaughsIsRejectedQuickly() throws Exception {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doc.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        doc.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        try (FeedServer server = new FeedServer()) {
            server.serve("/lol", "application/rss+xml", doc.toString());
            String token = Api.createSeries("lolz", "lolz");
            long p = Api.register("lolz", "Lol", server.url("/"), server.url("/lol"));
            long start = System.nanoTime();
            Api.pollSeries("lolz", token).statusCode(200).body("outcomes[0].result", equalTo("error"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
            given().get("/api/participants/" + p).then().body("feed.lastError", containsString("DOCTYPE"));
        }
    }

    @Test
    void aHarmlessDoctypeStillParsesWithoutLoadingTheDtd() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.serve("/rss-0.91.dtd", "application/xml-dtd", "<!ENTITY evil \"loaded\">");
            server.serve("/netscape", "application/rss+xml", """
                    <?xml version="1.0" encoding="ISO-8859-1"?>
                    <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "%s">
                    <rss version="0.91"><channel><title>Old school</title><link>https://old.example/</link>
                    <description>d</description><language>en-us</language>
                    <item><title>Caf\u00e9 post</title><link>https://old.example/1</link><description>hi</description></item>
                    </channel></rss>
                    """.formatted(server.url("/rss-0.91.dtd"))
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String token = Api.createSeries("netscape", "netscape");
            long p = Api.register("netscape", "Old", server.url("/"), server.url("/netscape"));
            Api.pollSeries("netscape", token).statusCode(200).body("outcomes[0].result", equalTo("updated"));
            given().get("/api/participants/" + p).then().body("recentPosts[0].title", equalTo("Caf\u00e9 post"));
            assertThat(server.requests("/rss-0.91.dtd")).isEmpty();
        }
    }
}
