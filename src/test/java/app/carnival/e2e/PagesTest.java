package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
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
        // closed since 2024: nothing invites to take part any more
        assertThat(before.select(".empty").text()).isEqualTo("No responses: the assignment closed without any.");
        assertThat(before.select(".howto").text()).startsWith("This assignment is closed");
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
        // The round-up is an h-entry citing each response, for receivers of its Webmentions.
        Element roundup = after.selectFirst("section.h-entry");
        assertThat(roundup.select("> data.u-url").attr("value")).isEqualTo("http://carnival.test/series/pg-assign/1");
        assertThat(roundup.select("> data.p-name").attr("value"))
                .isEqualTo("Round-up of #1: Tabs or spaces? – Pages pg-assign");
        Element cite = roundup.selectFirst("li.h-cite");
        assertThat(cite.select("a.u-url.p-name").attr("href")).isEqualTo(server.url("/pg-assign/blog/answer/"));
        assertThat(cite.select(".p-author.h-card .p-name").text()).isEqualTo("Alice");
        assertThat(cite.select("time.dt-published").attr("datetime")).isEqualTo("2024-05-03T11:00+02:00");
    }

    /** Every kind of page says its charset in the header, whatever built it: GET, POST result, error. */
    @Test
    void everyKindOfPageIsHtmlInUtf8() {
        String token = series("pg-utf8");
        server.serve(
                "/pg-utf8/bob/",
                "text/html",
                "<html><head><link rel=alternate type=application/rss+xml href=feed.xml></head></html>");
        server.serve("/pg-utf8/bob/feed.xml", "application/rss+xml", Feeds.wordpress(server.url("/pg-utf8/bob/")));
        String cookie = Api.logIn("pg-utf8", token).cookie("carnival_host");
        Document dashboard = Jsoup.parse(given().cookie("carnival_host", cookie)
                .get("/series/pg-utf8/host")
                .asString());
        String csrf = dashboard.select("input[name=csrf]").attr("value");
        Map<String, Response> pages = new java.util.LinkedHashMap<>();
        pages.put("home", given().get("/"));
        pages.put("series", given().get("/series/pg-utf8"));
        pages.put("assignment", given().get("/series/pg-utf8/1"));
        pages.put("register form", given().get("/series/pg-utf8/register"));
        pages.put(
                "register refused",
                given().contentType(ContentType.URLENC)
                        .formParam("name", "Bob")
                        .formParam("blogUrl", "not a url")
                        .post("/series/pg-utf8/register"));
        pages.put(
                "registered",
                given().contentType(ContentType.URLENC)
                        .formParam("name", "Bob")
                        .formParam("blogUrl", server.url("/pg-utf8/bob/"))
                        .post("/series/pg-utf8/register"));
        pages.put("login", given().get("/series/pg-utf8/host"));
        pages.put("login refused", Api.logIn("pg-utf8", "wrong"));
        pages.put(
                "login without its form token",
                given().formParam("token", token).post("/series/pg-utf8/host/login"));
        pages.put("dashboard", given().cookie("carnival_host", cookie).get("/series/pg-utf8/host"));
        pages.put("curation", given().cookie("carnival_host", cookie).get("/series/pg-utf8/host/1"));
        pages.put(
                "curation refused",
                given().cookie("carnival_host", cookie)
                        .formParam("csrf", csrf)
                        .formParam("url", "ftp://nope")
                        .post("/series/pg-utf8/host/1/add"));
        pages.put(
                "poll refused",
                given().cookie("carnival_host", cookie)
                        .formParam("csrf", csrf)
                        .formParam("participantId", "999999999")
                        .post("/series/pg-utf8/host/poll"));
        pages.put("not found", given().get("/series/pg-utf8-nope"));
        pages.put("not allowed", given().formParam("csrf", "x").post("/series/pg-utf8/host/1/add"));
        assertThat(pages.get("registered").statusCode()).isEqualTo(201);
        assertThat(pages.get("not found").statusCode()).isEqualTo(404);
        assertThat(pages.get("not allowed").statusCode()).isEqualTo(403);
        pages.forEach((kind, page) -> assertThat(page.contentType())
                .as("%s (HTTP %s)", kind, page.statusCode())
                .isEqualToIgnoringWhitespace("text/html;charset=UTF-8"));
    }

    @Test
    void theIntroKeepsItsParagraphsAndAnAssignmentInItsGracePeriodInvitesLateEntries() {
        String token = Api.createSeries("pg-grace", "pggrace");
        Map<String, Object> a = new HashMap<>(Api.assignment(
                INVITATION,
                Instant.now().minus(Duration.ofDays(7)).toString(),
                Instant.now().minus(Duration.ofHours(1)).toString(),
                24 * 60));
        a.put("roundupIntro", "Thanks, everyone,\nfor writing.\n\nNext month: naming things.");
        Api.createAssignment("pg-grace", token, a).statusCode(201);
        Document page = page("/series/pg-grace/1", 200);
        assertThat(page.select("p.intro"))
                .extracting(Element::text)
                .containsExactly("Thanks, everyone, for writing.", "Next month: naming things.");
        assertThat(page.select(".howto").text())
                .startsWith("The deadline has passed, but late entries are accepted until")
                .contains("uses #pggrace or links to the invitation");
        assertThat(page.select(".empty").text())
                .contains("Late entries are still accepted")
                .contains("register your blog");
        // the countdown is announced, politely and whole
        assertThat(page.select("p.when[aria-live=polite][aria-atomic=true] > time[data-countdown]"))
                .hasSize(1);
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
        assertThat(series.select("ul.cards a[href=/series/pg-list/1]").text()).isEqualTo("#1: Tabs or spaces?");
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
        Element summary = errors.selectFirst("form .error-summary[role=alert][tabindex=-1][autofocus]");
        assertThat(summary.select("a")).extracting(a -> a.attr("href")).containsExactly("#name", "#blogUrl");
        assertThat(summary.select("a").get(1).text())
                .isEqualTo(errors.select("#blogUrl-error").text());

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
        String token = done.select("#participant-token").text();
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
        assertThat(Jsoup.parse(dup).select(".error-summary[role=alert] li").text())
                .contains("already registered");
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
        Response wrong = Api.logIn("pg-host", other);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(wrong.asString()).select("#token-error").text()).contains("not the host token");
        assertThat(wrong.cookie("carnival_host")).isNull();
        assertThat(Api.logIn("pg-host", "").statusCode()).isEqualTo(401);

        // Login CSRF: the form's hidden value must match its cookie (double submit), else 403 and no session.
        Response loginPage = given().get("/series/pg-host/host");
        assertThat(loginPage.header("Set-Cookie"))
                .startsWith("carnival_form=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .containsPattern("(?i)Path=/(;|$)");
        String formValue =
                Jsoup.parse(loginPage.asString()).select("input[name=form]").attr("value");
        Response noCookie = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("form", formValue)
                .formParam("token", token)
                .post("/series/pg-host/host/login");
        Response noField = given().redirects()
                .follow(false)
                .cookie("carnival_form", loginPage.cookie("carnival_form"))
                .contentType(ContentType.URLENC)
                .formParam("token", token)
                .post("/series/pg-host/host/login");
        String someoneElses = Jsoup.parse(given().get("/series/pg-host/host").asString())
                .select("input[name=form]")
                .attr("value");
        assertThat(someoneElses).isNotEqualTo(formValue);
        Response otherValue = given().redirects()
                .follow(false)
                .cookie("carnival_form", loginPage.cookie("carnival_form"))
                .contentType(ContentType.URLENC)
                .formParam("form", someoneElses)
                .formParam("token", token)
                .post("/series/pg-host/host/login");
        for (Response refused : List.of(noCookie, noField, otherValue)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.cookie("carnival_host")).isNull();
            assertThat(Jsoup.parse(refused.asString()).select(".error-summary").text())
                    .contains("did not come from this site");
        }

        Response login = Api.logIn("pg-host", token);
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
        Document refused = Jsoup.parse(bad);
        assertThat(refused.select("#url-error").text()).contains("http");
        assertThat(refused.select("#url").attr("value")).isEqualTo("ftp://nope");
        assertThat(refused.select("#url").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("form[action$=/add] .error-summary a[href=#url]")
                        .text())
                .isEqualTo(refused.select("#url-error").text());
        assertThat(refused.select(".error-summary")).hasSize(1);
    }
}
