package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server-rendered pages, read as HTML: content, links, forms, errors, host login and CSRF. */
@QuarkusTest
class PagesTest {

    static final String INVITATION = "https://host.example/2024/05/pages-invitation/";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static Document page(String path, int status) {
        String html = given().get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        return Jsoup.parse(html);
    }

    /** A series with one assignment in Paris time and one participant whose post answers it; returns the host token. */
    static String series(String slug) {
        String site = server.url("/" + slug + "/blog");
        server.serve(
                "/" + slug + "/blog/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/answer/",
                                "My answer",
                                "Fri, 03 May 2024 09:00:00 +0000",
                                "pages",
                                "<p>My answer to <a href=\"" + INVITATION
                                        + "\">the invitation</a>, with a long excerpt.</p>")));
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "Pages " + slug, "description", "About pages", "hashtag", "pages"))
                .post("/api/series")
                .then()
                .statusCode(201)
                .extract()
                .path("hostToken");
        Map<String, Object> a = new HashMap<>(Map.of(
                "title",
                "Tabs or spaces?",
                "invitationUrl",
                INVITATION,
                "questions",
                List.of("Which?", "Why?"),
                "opensAt",
                "2024-05-01T00:00:00+02:00",
                "closesAt",
                "2024-05-15T00:00:00+02:00",
                "timezone",
                "Europe/Paris"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(a)
                .post("/api/series/" + slug + "/assignments")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Alice", "blogUrl", site, "feedUrl", server.url("/" + slug + "/blog/feed")))
                .post("/api/series/" + slug + "/participants")
                .then()
                .statusCode(201);
        return token;
    }

    static void poll(String slug, String token) {
        given().header("Authorization", "Bearer " + token)
                .post("/api/series/" + slug + "/poll")
                .then()
                .statusCode(200);
    }

    @Test
    void assignmentPageShowsQuestionsWindowInItsZoneAndAnEmptyStateThenTheRoundup() {
        String token = series("pg-assign");
        Document before = page("/series/pg-assign/1", 200);
        assertThat(before.select("h1").text()).isEqualTo("#1: Tabs or spaces?");
        assertThat(before.select("ol.questions li")).extracting(Element::text).containsExactly("Which?", "Why?");
        assertThat(before.select("dl.window dd").first().text()).isEqualTo("Wed 1 May 2024, 00:00 (Europe/Paris)");
        assertThat(before.select("time[data-countdown]").attr("datetime")).isEqualTo("2024-05-14T22:00:00Z");
        assertThat(before.select("time[data-countdown]").text()).startsWith("closed on 15 May 2024");
        assertThat(before.select(".empty").text())
                .contains("register your blog")
                .contains("#pages");
        assertThat(before.select("link[rel=alternate][type=application/atom+xml]")
                        .attr("href"))
                .isEqualTo("/api/series/pg-assign/assignments/1/roundup.atom");
        assertThat(before.select("link[rel=stylesheet]"))
                .extracting(l -> l.attr("href"))
                .containsExactly("/static/carnival.css");
        given().get("/static/carnival.css").then().statusCode(200).contentType(containsString("text/css"));

        poll("pg-assign", token);
        Document after = page("/series/pg-assign/1", 200);
        Element entry = after.selectFirst("ol.entries > li.entry");
        assertThat(entry.select("h3 a").attr("href")).isEqualTo(server.url("/pg-assign/blog/answer/"));
        assertThat(entry.select("h3 a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(entry.select(".who").text()).isEqualTo("Alice");
        assertThat(entry.select(".badge.by").text()).isEqualTo("matched by link-back and hashtag");
        assertThat(entry.select(".excerpt").text()).contains("with a long excerpt");
        assertThat(entry.select("time").text()).isEqualTo("3 May 2024");
    }

    @Test
    void homeAndSeriesPagesListWhatThereIs() {
        series("pg-list");
        Document home = page("/", 200);
        assertThat(home.select(".card h2 a")).extracting(a -> a.attr("href")).contains("/series/pg-list");
        Document series = page("/series/pg-list", 200);
        assertThat(series.select("h1").text()).isEqualTo("Pages pg-list");
        assertThat(series.select("section h2")).extracting(Element::text).contains("Past", "Participants (1)");
        assertThat(series.select(".participants a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(series.select("a[href=/series/pg-list/1]").text()).isEqualTo("#1: Tabs or spaces?");
        assertThat(series.select("link[rel=alternate]").attr("href")).isEqualTo("/api/series/pg-list/responses.atom");
    }

    @Test
    void theApiDocumentDescribesTheApiNotThePages() {
        String openapi =
                given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi)
                .contains(
                        "/api/series/{slug}/assignments/{number}/roundup.atom",
                        "/api/series/{slug}/assignments/{number}/near-misses",
                        "/api/series/{slug}/participants.opml");
        // Path by path: /api/series/{slug}/host-token is the API's, /series/{slug}/host a page.
        Map<String, Object> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        assertThat(paths.keySet()).isNotEmpty().noneMatch(path -> path.startsWith("/series/") || path.equals("/"));
    }

    @Test
    void unknownThingsAreHtml404s() {
        assertThat(page("/series/no-such-series", 404).select(".error").text()).contains("no-such-series");
        page("/series/no-such-series/1", 404);
        series("pg-404");
        page("/series/pg-404/2", 404);
        page("/series/pg-404/abc", 404);
    }

    @Test
    void registrationFormShowsFieldErrorsThenTheTokenOnce() {
        series("pg-reg");
        Document form = page("/series/pg-reg/register", 200);
        for (String field : List.of("name", "blogUrl", "feedUrl")) {
            assertThat(form.select("label[for=" + field + "]")).as(field).hasSize(1);
            assertThat(form.select("input#" + field)).as(field).hasSize(1);
        }

        String bad = given().contentType(ContentType.URLENC)
                .formParam("name", " ")
                .formParam("blogUrl", "not a url")
                .formParam("feedUrl", "")
                .post("/series/pg-reg/register")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        Document errors = Jsoup.parse(bad);
        assertThat(errors.select("#name-error").text()).isNotBlank();
        assertThat(errors.select("#blogUrl-error").text()).contains("http");
        assertThat(errors.select("#blogUrl").attr("aria-invalid")).isEqualTo("true");
        assertThat(errors.select("#blogUrl").attr("value")).isEqualTo("not a url");
        assertThat(errors.select("#feedUrl-error")).isEmpty();

        server.serve(
                "/pg-reg/bob/", "text/html", "<html><head><title>Bob</title></head><body>No feed here</body></html>");
        String none = given().contentType(ContentType.URLENC)
                .formParam("name", "Bob")
                .formParam("blogUrl", server.url("/pg-reg/bob/"))
                .post("/series/pg-reg/register")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(Jsoup.parse(none).select("#blogUrl-error").text()).contains("no RSS or Atom feed found");

        server.serve(
                "/pg-reg/bob/",
                "text/html",
                "<html><head><link rel=alternate type=application/rss+xml href=feed.xml></head></html>");
        server.serve("/pg-reg/bob/feed.xml", "application/rss+xml", Feeds.wordpress(server.url("/pg-reg/bob/")));
        String ok = given().contentType(ContentType.URLENC)
                .formParam("name", "Bob")
                .formParam("blogUrl", server.url("/pg-reg/bob/"))
                .post("/series/pg-reg/register")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        Document done = Jsoup.parse(ok);
        String token = done.select("#participant-token").attr("value");
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(done.select("code.url").text()).isEqualTo(server.url("/pg-reg/bob/feed.xml"));
        assertThat(done.text()).contains("shown only this once");
        String id = given().get("/api/series/pg-reg/participants")
                .then()
                .extract()
                .jsonPath()
                .getString("find { it.name == 'Bob' }.id");
        given().header("Authorization", "Bearer " + token)
                .post("/api/participants/" + id + "/poll")
                .then()
                .statusCode(200);

        String dup = given().contentType(ContentType.URLENC)
                .formParam("name", "Bob")
                .formParam("blogUrl", server.url("/pg-reg/bob/"))
                .post("/series/pg-reg/register")
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertThat(Jsoup.parse(dup).select("p.error[role=alert]").text()).contains("already registered");
    }

    @Test
    void hostLogsInWithTheTokenAndEveryFormNeedsTheCsrfToken() {
        String token = series("pg-host");
        String other = series("pg-host-other");
        poll("pg-host", token);
        long response = given().get("/api/series/pg-host/assignments/1/roundup")
                .then()
                .extract()
                .jsonPath()
                .getLong("responses[0].id");

        assertThat(page("/series/pg-host/host", 200).select("input#token[type=password]"))
                .hasSize(1);
        given().redirects()
                .follow(false)
                .get("/series/pg-host/host/1")
                .then()
                .statusCode(303)
                .header("Location", containsString("/series/pg-host/host"));
        given().contentType(ContentType.URLENC)
                .formParam("token", other)
                .post("/series/pg-host/host/login")
                .then()
                .statusCode(403)
                .body(containsString("not the host token"));
        given().contentType(ContentType.URLENC)
                .formParam("token", "")
                .post("/series/pg-host/host/login")
                .then()
                .statusCode(401);

        Response login = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("token", token)
                .post("/series/pg-host/host/login");
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie)
                .contains("carnival_host=" + token)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/series/pg-host");
        String cookie = login.cookie("carnival_host");

        Document dashboard = Jsoup.parse(given().cookie("carnival_host", cookie)
                .get("/series/pg-host/host")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(dashboard.select("table.feeds tbody tr")).hasSize(1);
        assertThat(dashboard.select("table.feeds td[data-label=Status]").text()).isEqualTo("HTTP 200");
        String csrf = dashboard.select("input[name=csrf]").attr("value");
        assertThat(csrf).isNotBlank().isNotEqualTo(token);

        String path = "/series/pg-host/host/1/state";
        given().cookie("carnival_host", cookie)
                .contentType(ContentType.URLENC)
                .formParam("responseId", response)
                .formParam("state", "HIDDEN")
                .post(path)
                .then()
                .statusCode(403)
                .body(containsString("did not come from this site"));
        given().cookie("carnival_host", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf + "x")
                .formParam("responseId", response)
                .formParam("state", "HIDDEN")
                .post(path)
                .then()
                .statusCode(403);
        given().contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("responseId", response)
                .formParam("state", "HIDDEN")
                .post(path)
                .then()
                .statusCode(403)
                .body(containsString("log in"));
        given().cookie("carnival_host", other)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("responseId", response)
                .formParam("state", "HIDDEN")
                .post(path)
                .then()
                .statusCode(403);
        given().get("/api/series/pg-host/assignments/1/roundup").then().body("count", equalTo(1));

        given().redirects()
                .follow(false)
                .cookie("carnival_host", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("responseId", response)
                .formParam("state", "HIDDEN")
                .post(path)
                .then()
                .statusCode(303)
                .header("Location", containsString("/series/pg-host/host/1?done=hidden"));
        given().get("/api/series/pg-host/assignments/1/roundup").then().body("count", equalTo(0));
        Document curation = Jsoup.parse(given().cookie("carnival_host", cookie)
                .get("/series/pg-host/host/1?done=hidden")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(curation.select("p.message").text()).isEqualTo("The response is hidden from the round-up.");
        assertThat(curation.select(".badge.hidden")).hasSize(1);
        assertThat(curation.select("#export-md").text()).doesNotContain("My answer");

        String bad = given().cookie("carnival_host", cookie)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("url", "ftp://nope")
                .post("/series/pg-host/host/1/add")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(Jsoup.parse(bad).select("p.error").text()).contains("http");
    }
}
