package app.carnival.e2e;

import static app.carnival.e2e.WebmentionTest.feed;
import static app.carnival.e2e.WebmentionTest.invitation;
import static app.carnival.e2e.WebmentionTest.postPage;
import static app.carnival.e2e.WebmentionTest.send;
import static app.carnival.e2e.WebmentionTest.statusUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.intake.MentionWorker;
import app.carnival.testing.FeedServer;
import app.carnival.testing.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intakes in the pages: assignment pages advertise the endpoints, and the host reviews what the
 * intakes found (approve, reject, the turned-down candidates, how to receive Webmentions) through
 * the forms, without JavaScript. Candidates come through the real intake: a source page served on
 * loopback, POST /webmention, the verification queue drained.
 */
@QuarkusTest
class HostReviewPagesTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    MentionWorker worker;

    static Document hostPage(String slug, String token) {
        return Jsoup.parse(given().cookie("carnival_host", token)
                .get("/series/" + slug + "/host/1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static Document dashboard(String slug, String token) {
        return Jsoup.parse(given().cookie("carnival_host", token)
                .get("/series/" + slug + "/host")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static Document publicPage(String slug) {
        return Jsoup.parse(given().get("/series/" + slug + "/1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Bob's blog, unknown to the series, answers the invitation and sends a Webmention; it waits for the host. */
    String pendingWebmention(String slug, String title, String blogName) {
        String token = WebmentionTest.host(slug);
        String invitation = invitation(slug);
        String post = server.url("/" + slug + "/bob/2024/05/answer/");
        server.serve(
                "/" + slug + "/bob/2024/05/answer/",
                "text/html",
                postPage(
                                title,
                                "2024-05-03T10:00:00Z",
                                "/" + slug + "/bob/feed/",
                                "<p>Answering <a href=\"" + invitation + "\">the invitation</a> at length.</p>",
                                invitation)
                        .replace("<head>", "<head><meta property=\"og:site_name\" content=\"" + blogName + "\">"));
        server.serve(
                "/" + slug + "/bob/feed/",
                "application/rss+xml",
                feed(blogName, server.url("/" + slug + "/bob/"), post, "Fri, 03 May 2024 10:00:00 +0000", invitation));
        statusUrl(send(post, invitation));
        assertThat(worker.drain()).isEqualTo(1);
        return token;
    }

    /** Submits the form holding the button, as a browser does (its fields, then the button's name and value). */
    static Response submit(Element button, String token) {
        Element form = button.closest("form");
        var request =
                given().redirects().follow(false).cookie("carnival_host", token).contentType(ContentType.URLENC);
        for (Element input : form.select("input[type=hidden]")) {
            request.formParam(input.attr("name"), input.attr("value"));
        }
        if (button.hasAttr("name")) {
            request.formParam(button.attr("name"), button.attr("value"));
        }
        return request.post(form.attr("action"));
    }

    static Elements pending(Document host) {
        return host.select("section[aria-labelledby=pending-h] li.entry");
    }

    @Test
    void assignmentPagesAdvertiseTheWebmentionAndPingbackEndpointsWithAbsoluteUrls() {
        WebmentionTest.host("rv-advertise");
        for (int i = 0; i < 2; i++) { // the second rendering comes from the page cache
            Response page = given().get("/series/rv-advertise/1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.header("Link")).isEqualTo("<http://carnival.test/webmention>; rel=\"webmention\"");
            assertThat(page.header("X-Pingback")).isEqualTo("http://carnival.test/xmlrpc");
            Document html = Jsoup.parse(page.asString());
            assertThat(html.select("head link[rel=webmention]").attr("href"))
                    .isEqualTo("http://carnival.test/webmention");
            assertThat(html.select("head link[rel=pingback]").attr("href")).isEqualTo("http://carnival.test/xmlrpc");
            assertThat(HtmlChecker.problems(page.asString())).isEmpty();
        }
        // Only the assignment pages: they are what a response links to.
        Response series = given().get("/series/rv-advertise");
        assertThat(series.header("Link")).isNull();
        assertThat(series.header("X-Pingback")).isNull();
        assertThat(Jsoup.parse(series.asString()).select("link[rel=webmention], link[rel=pingback]"))
                .isEmpty();
        assertThat(given().get("/series/rv-advertise/2").header("X-Pingback")).isNull();
    }

    @Test
    void aPendingResponseWaitsUnderFoundElsewhereWithItsReasonAndApprovingPutsItInTheRoundup() {
        String token = pendingWebmention("rv-approve", "My answer", "Bob's blog");
        String post = server.url("/rv-approve/bob/2024/05/answer/");

        Document host = hostPage("rv-approve", token);
        assertThat(HtmlChecker.problems(host.outerHtml())).isEmpty();
        assertThat(host.select("#pending-h").text()).isEqualTo("Found elsewhere (1)");
        Element card = pending(host).first();
        assertThat(card.select("h3 a").attr("href")).isEqualTo(post);
        assertThat(card.select("h3 a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(card.select("h3").text()).isEqualTo("My answer");
        assertThat(card.select(".meta").text()).contains("Bob's blog").contains("discovered");
        assertThat(card.select(".meta a").attr("href")).isEqualTo(server.url("/rv-approve/bob/"));
        assertThat(card.select("time").attr("datetime")).startsWith("2024-05-03T10:00");
        assertThat(card.select("time").text()).isEqualTo("Fri 3 May 2024, 10:00 (UTC)");
        assertThat(card.select(".source").text()).isEqualTo("sent by Webmention");
        assertThat(card.select(".reason").text())
                .contains("found by Webmention")
                .contains("links to the invitation in the article")
                .contains("published inside the window")
                .contains("waiting for the host's approval");
        // visible "Approve", and the post's title for a screen reader (the name starts with what is seen)
        assertThat(card.select("button")).extracting(Element::ownText).containsExactly("Approve", "Reject");
        assertThat(card.select("button"))
                .extracting(Element::text)
                .containsExactly("Approve: My answer", "Reject: My answer");
        // Waiting for the host is not in the round-up yet: neither the host's list nor the readers' page.
        assertThat(host.select("#responses-h").text()).isEqualTo("Responses (0)");
        assertThat(publicPage("rv-approve").select("ol.entries li")).isEmpty();
        assertThat(dashboard("rv-approve", token).select(".card .waiting").text())
                .isEqualTo("1 found elsewhere, waiting for your review");

        Response approved = submit(card.selectFirst("button[value=approve]"), token);
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.header("Location")).endsWith("/series/rv-approve/host/1?done=approved");

        Document after = Jsoup.parse(given().cookie("carnival_host", token)
                .get(approved.header("Location"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(after.select("p.message").text()).startsWith("Approved");
        assertThat(pending(after)).isEmpty();
        assertThat(after.select("section[aria-labelledby=pending-h] .empty").text())
                .isEqualTo("Nothing waiting for you.");
        Element response = after.selectFirst("section[aria-labelledby=responses-h] li.entry");
        assertThat(response.select("h3").text()).isEqualTo("My answer");
        assertThat(response.select(".source").text()).isEqualTo("sent by Webmention");
        assertThat(response.select(".badge.discovered").text()).isEqualTo("discovered");
        assertThat(after.select("#participantId option"))
                .extracting(Element::text)
                .contains("Bob's blog (discovered)");
        Element entry = publicPage("rv-approve").selectFirst("ol.entries li.entry");
        assertThat(entry.select("h3 a").attr("href")).isEqualTo(post);

        Document dashboard = dashboard("rv-approve", token);
        assertThat(dashboard.select("table.feeds tbody th").text()).contains("Bob's blog discovered");
        assertThat(dashboard.select(".card .waiting")).isEmpty();
        assertThat(HtmlChecker.problems(dashboard.outerHtml())).isEmpty();
    }

    @Test
    void rejectingKeepsItOutOfTheQueueAndTheRoundupEvenWhenItIsSentAgain() {
        String token = pendingWebmention("rv-reject", "Buy now", "Spam blog");
        String post = server.url("/rv-reject/bob/2024/05/answer/");
        Element card = pending(hostPage("rv-reject", token)).first();

        Response rejected = submit(card.selectFirst("button[value=reject]"), token);
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(rejected.header("Location")).endsWith("?done=rejected");
        Document after = hostPage("rv-reject", token);
        assertThat(pending(after)).isEmpty();
        assertThat(after.select("section[aria-labelledby=responses-h] li.hidden-entry h3")
                        .text())
                .isEqualTo("Buy now");
        assertThat(publicPage("rv-reject").text()).doesNotContain("Buy now");
        given().get("/api/series/rv-reject/assignments/1/roundup").then().body("count", equalTo(0));

        send(post, invitation("rv-reject"));
        worker.drain();
        Document again = hostPage("rv-reject", token);
        assertThat(pending(again)).isEmpty();
        assertThat(again.select("section[aria-labelledby=responses-h] li.hidden-entry"))
                .hasSize(1);
        assertThat(publicPage("rv-reject").text()).doesNotContain("Buy now");
    }

    @Test
    void theReviewFormNeedsTheCsrfTokenAndADecision() {
        String token = pendingWebmention("rv-forms", "My answer", "Bob's blog");
        Element approve = pending(hostPage("rv-forms", token)).first().selectFirst("button[value=approve]");
        Element form = approve.closest("form");
        String responseId = form.selectFirst("input[name=responseId]").attr("value");
        String csrf = form.selectFirst("input[name=csrf]").attr("value");

        given().cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("responseId", responseId)
                .formParam("decision", "approve")
                .post(form.attr("action"))
                .then()
                .statusCode(403);
        String maybe = given().cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("responseId", responseId)
                .formParam("decision", "maybe")
                .post(form.attr("action"))
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(Jsoup.parse(maybe).select("p.error[role=alert]").text()).contains("approve or reject");
        given().cookie("carnival_host", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("responseId", "999999999")
                .formParam("decision", "approve")
                .post(form.attr("action"))
                .then()
                .statusCode(404);
        assertThat(pending(hostPage("rv-forms", token))).hasSize(1);
        given().get("/api/series/rv-forms/assignments/1/roundup").then().body("count", equalTo(0));
    }

    @Test
    void aRejectedWebmentionIsListedWithItsReasonAndManyAreFolded() {
        String slug = "rv-turned";
        String token = WebmentionTest.host(slug);
        String invitation = invitation(slug);
        String path = "/" + slug + "/carol/2024/05/cats/";
        // The invitation is linked from the sidebar only, which does not count.
        server.serve(
                path,
                "text/html",
                postPage(
                        "Cats", "2024-05-04T10:00:00Z", "/" + slug + "/carol/feed/", "<p>About cats.</p>", invitation));
        statusUrl(send(server.url(path), invitation));
        worker.drain();

        Document host = hostPage(slug, token);
        assertThat(HtmlChecker.problems(host.outerHtml())).isEmpty();
        assertThat(host.select("#rejected-h").text()).isEqualTo("Turned down (1)");
        assertThat(host.select("details.rejected").hasAttr("open")).isTrue();
        Element item = host.selectFirst(".rejected-list li");
        assertThat(item.select("a.url").attr("href")).isEqualTo(server.url(path));
        assertThat(item.select("a.url").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(item.select("a.url").text()).isEqualTo(server.url(path));
        assertThat(item.select(".meta").text()).startsWith("sent by Webmention");
        assertThat(item.select(".reason").text()).contains("no link to the invitation in the article");
        assertThat(pending(host)).isEmpty();

        for (int i = 1; i <= 5; i++) {
            String other = "/" + slug + "/carol/2024/05/dogs-" + i + "/";
            server.serve(
                    other,
                    "text/html",
                    postPage("Dogs", "2024-05-04T10:00:00Z", "/" + slug + "/carol/feed/", "<p>Dogs.</p>", invitation));
            send(server.url(other), invitation);
        }
        worker.drain();
        Document many = hostPage(slug, token);
        assertThat(many.select("#rejected-h").text()).isEqualTo("Turned down (6)");
        assertThat(many.select("details.rejected").hasAttr("open")).isFalse();
        assertThat(many.select("details.rejected summary").text()).isEqualTo("Each page and why");
        assertThat(many.select(".rejected-list li")).hasSize(6);
    }

    @Test
    void aHostileTitleAndBlogNameAreTextInTheQueue() {
        String token = pendingWebmention(
                "rv-hostile",
                "&lt;script&gt;window.xssed=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\" onclick=\"x",
                "&lt;b onmouseover=alert(2)&gt;Evil&lt;/b&gt;");
        String raw = given().cookie("carnival_host", token)
                .get("/series/rv-hostile/host/1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(raw)
                .doesNotContain("<script>window.xssed")
                .doesNotContain("<img src=x")
                .doesNotContain("<b onm");
        Document host = Jsoup.parse(raw);
        Element card = pending(host).first();
        assertThat(card.select("h3").text())
                .isEqualTo("<script>window.xssed=1</script><img src=x onerror=alert(1)>\" onclick=\"x");
        assertThat(card.select("script, img, b, [onclick], [onerror], [onmouseover]"))
                .isEmpty();
        assertThat(card.select("button[value=approve]").text())
                .isEqualTo("Approve: <script>window.xssed=1</script><img src=x onerror=alert(1)>\" onclick=\"x");
        assertThat(card.select(".meta").text()).contains("<b onmouseover=alert(2)>Evil</b>");
        assertThat(HtmlChecker.problems(raw)).isEmpty();
    }

    @Test
    void theHostIsToldHowResponsesReachThem() {
        String token = WebmentionTest.host("rv-help");
        Document host = hostPage("rv-help", token);
        Element help = host.selectFirst("section[aria-labelledby=intake-h]");
        assertThat(help.select("h2").text()).isEqualTo("How responses reach you");
        assertThat(help.select("pre code").text())
                .isEqualTo("<link rel=\"webmention\" href=\"http://carnival.test/webmention\">");
        assertThat(help.text()).contains("nothing to do").contains("pingback");
        assertThat(help.select("a[href=http://carnival.test/series/rv-help/1]")).hasSize(1);
        assertThat(host.select("#pending-h").text()).isEqualTo("Found elsewhere (0)");
        assertThat(host.select("#rejected-h").text()).isEqualTo("Turned down (0)");
        assertThat(host.select("details.rejected")).isEmpty();
    }
}
