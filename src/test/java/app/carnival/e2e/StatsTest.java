package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.carnival.testing.FeedServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, items 1 and 2: the numbers of each assignment (round-up JSON and page) and the series at
 * a glance (stats JSON, the SVG chart with its title, description and data table), on a seeded
 * series of three assignments whose numbers are known exactly.
 */
@QuarkusTest
class StatsTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    /** Thirty days ago on the hour: assignment 1 opens then, 2 ten days later, 3 twenty days later; a week each, a day's grace. */
    static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(30));

    static String at(Duration afterBase) {
        return BrowserTest.RFC_1123.format(BASE.plus(afterBase).atOffset(ZoneOffset.UTC));
    }

    static Map<String, Object> window(String slug, int n, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("invitationUrl", "https://host.example/" + slug + "/" + n);
        body.put("opensAt", BASE.plus(Duration.ofDays(10L * (n - 1))).toString());
        body.put("closesAt", BASE.plus(Duration.ofDays(10L * (n - 1) + 7)).toString());
        body.put("graceMinutes", 1440);
        return body;
    }

    static String item(String slug, String who, int n, String title, Duration when, String category, boolean link) {
        String site = server.url("/" + slug + "/" + who);
        return Feeds.wordpressItem(
                site + "/" + n + "/",
                title,
                at(when),
                category,
                link
                        ? "<p>My answer to <a href=\"https://host.example/" + slug + "/" + n
                                + "\">the invitation</a>.</p>"
                        : "<p>My answer, #" + "statsmeme" + " only.</p>");
    }

    static long participant(String slug, String who, String... items) {
        String site = server.url("/" + slug + "/" + who);
        server.serve("/" + slug + "/" + who + "/feed", "application/rss+xml", Feeds.wordpress(site, items));
        return Api.register(slug, who, site, server.url("/" + slug + "/" + who + "/feed"));
    }

    static io.restassured.specification.RequestSpecification host(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /**
     * #1: Alice (3 h after opening), Bob. #2: Carol (1 h 30 min after opening, a first-timer), Alice,
     * Bob late. #3 (link and tag needed): Alice (4 h after opening), Dave's tag-only post added by the
     * host (a first-timer). Returns the host token.
     */
    static String seed(String slug) {
        String token = Api.createSeries(slug, "statsmeme");
        Api.createAssignment(slug, token, window(slug, 1, "Why blog?")).statusCode(201);
        Api.createAssignment(slug, token, window(slug, 2, "Tools")).statusCode(201);
        Map<String, Object> third = window(slug, 3, "Habits");
        third.put("matchRule", "LINK_AND_TAG");
        Api.createAssignment(slug, token, third).statusCode(201);
        Duration d2 = Duration.ofDays(10);
        Duration d3 = Duration.ofDays(20);
        participant(
                slug,
                "alice",
                item(slug, "alice", 1, "Alice on why", Duration.ofHours(3), "none", true),
                item(slug, "alice", 2, "Alice on tools", d2.plusDays(2), "none", true),
                item(slug, "alice", 3, "Alice on habits", d3.plusHours(4), "statsmeme", true));
        participant(
                slug,
                "bob",
                item(slug, "bob", 1, "Bob on why", Duration.ofDays(2), "none", true),
                item(slug, "bob", 2, "Bob on tools, late", d2.plusDays(7).plusHours(3), "none", true));
        participant(slug, "carol", item(slug, "carol", 2, "Carol on tools", d2.plusMinutes(90), "none", true));
        long dave =
                participant(slug, "dave", item(slug, "dave", 3, "Dave on habits", d3.plusDays(2), "statsmeme", false));
        Api.pollSeries(slug, token).statusCode(200);
        String base = "/api/series/" + slug + "/assignments/3";
        long davesPost = host(token)
                .get(base + "/near-misses")
                .then()
                .statusCode(200)
                .body("title", contains("Dave on habits"))
                .extract()
                .jsonPath()
                .getLong("[0].postId");
        host(token)
                .body(Map.of("postId", davesPost, "participantId", dave))
                .post(base + "/responses")
                .then()
                .statusCode(201)
                .body("source", equalTo("HOST"));
        return token;
    }

    @Test
    void theRoundupAndTheStatsGiveEachAssignmentsNumbers() {
        String slug = "stats-numbers";
        seed(slug);
        String api = "/api/series/" + slug;

        given().get(api + "/assignments/1/roundup")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("stats.responses", equalTo(2))
                .body("stats.firstTimers", equalTo(2))
                .body("stats.late", equalTo(0))
                .body("stats.firstResponseAfterSeconds", equalTo(3 * 3600))
                .body("stats.channels", equalTo(Map.of("FEED", 2)));
        given().get(api + "/assignments/2/roundup")
                .then()
                .body("stats.responses", equalTo(3))
                .body("stats.firstTimers", equalTo(1))
                .body("stats.late", equalTo(1))
                .body("stats.firstResponseAfterSeconds", equalTo(90 * 60))
                .body("stats.channels", equalTo(Map.of("FEED", 3)));
        given().get(api + "/assignments/3/roundup")
                .then()
                .body("responses.participant", contains("alice", "dave"))
                .body("stats.responses", equalTo(2))
                .body("stats.firstTimers", equalTo(1))
                .body("stats.late", equalTo(0))
                .body("stats.firstResponseAfterSeconds", equalTo(4 * 3600))
                .body("stats.channels", equalTo(Map.of("FEED", 1, "HOST", 1)));

        given().get(api + "/stats")
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("assignments", equalTo(3))
                .body("participants", equalTo(4))
                .body("responses", equalTo(7))
                .body("perAssignment.number", contains(1, 2, 3))
                .body("perAssignment.title", contains("Why blog?", "Tools", "Habits"))
                .body("perAssignment.responses", contains(2, 3, 2))
                .body("perAssignment.firstTimers", contains(2, 1, 1))
                .body("perAssignment.late", contains(0, 1, 0))
                .body("perAssignment.firstResponseAfterSeconds", contains(3 * 3600, 90 * 60, 4 * 3600))
                .body("perAssignment[2].channels", equalTo(Map.of("FEED", 1, "HOST", 1)));

        Document page = Jsoup.parse(given().get("/series/" + slug + "/2")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("ul.numbers li").eachText())
                .containsExactly(
                        "3 responses",
                        "1 first-timer",
                        "1 late",
                        "first response 1 hour, 30 minutes after opening",
                        "3 from feeds");
        page = Jsoup.parse(given().get("/series/" + slug + "/3").asString());
        assertThat(page.select("ul.numbers li").eachText())
                .containsExactly(
                        "2 responses",
                        "1 first-timer",
                        "0 late",
                        "first response 4 hours after opening",
                        "1 from feeds, 1 added by the host");
    }

    @Test
    void aChangeToAnEarlierAssignmentChangesTheFirstTimersOfTheCachedLaterOnes() {
        String slug = "stats-stale";
        String token = seed(slug);
        String api = "/api/series/" + slug;
        // Cached now: the JSON and the page of #2 say one first-timer (Carol).
        given().get(api + "/assignments/2/roundup").then().body("stats.firstTimers", equalTo(1));
        assertThat(Jsoup.parse(given().get("/series/" + slug + "/2").asString())
                        .select("ul.numbers li")
                        .eachText())
                .contains("1 first-timer");
        long alicesFirst = given().get(api + "/assignments/1/roundup")
                .then()
                .extract()
                .jsonPath()
                .getLong("responses.find { it.participant == 'alice' }.id");

        host(token)
                .body(Map.of("state", "HIDDEN"))
                .patch(api + "/assignments/1/responses/" + alicesFirst)
                .then()
                .statusCode(200);
        // Alice's first visible response is now in #2: #2 has two first-timers, #3 still one.
        given().get(api + "/assignments/2/roundup").then().body("stats.firstTimers", equalTo(2));
        assertThat(Jsoup.parse(given().get("/series/" + slug + "/2").asString())
                        .select("ul.numbers li")
                        .eachText())
                .contains("2 first-timers");
        given().get(api + "/assignments/3/roundup").then().body("stats.firstTimers", equalTo(1));
        given().get(api + "/stats")
                .then()
                .body("perAssignment.firstTimers", contains(1, 2, 1))
                .body("participants", equalTo(4))
                .body("responses", equalTo(6));

        host(token)
                .body(Map.of("state", "AUTO"))
                .patch(api + "/assignments/1/responses/" + alicesFirst)
                .then()
                .statusCode(200);
        given().get(api + "/assignments/2/roundup").then().body("stats.firstTimers", equalTo(1));
    }

    @Test
    void theSeriesPageDrawsTheChartWithItsTextAlternativeAndTotals() {
        String slug = "stats-chart";
        seed(slug);
        Document page = Jsoup.parse(
                given().get("/series/" + slug).then().statusCode(200).extract().asString());

        assertThat(page.select(".glance .totals").text())
                .isEqualTo("3 assignments · 4 participants who responded · 7 responses");
        Element svg = page.selectFirst(".glance svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("viewBox")).isEqualTo("0 0 400 210");
        assertThat(svg.attr("width")).isEqualTo("100%");
        assertThat(svg.attr("aria-labelledby")).isEqualTo("chart-title chart-desc");
        assertThat(svg.select("title#chart-title").text()).isEqualTo("Responses per assignment, first-timers marked");
        assertThat(svg.select("desc#chart-desc").text())
                .isEqualTo("Responses per assignment, in the order they opened: #1, 2 responses, 2 from first-timers;"
                        + " #2, 3 responses, 1 from first-timers; #3, 2 responses, 1 from first-timers.");
        // Stacked bars: #1 only first-timers, #2 and #3 returning below and first-timers on top.
        assertThat(svg.select("rect[fill=#2f5f98]")).hasSize(1 + 2); // the legend's and #2's and #3's
        assertThat(svg.select("rect[fill=#d98a1c]")).hasSize(1 + 3);
        assertThat(svg.select("text[text-anchor=middle]").eachText()).containsExactly("#1", "#2", "#3");
        assertThat(page.select("script")).allMatch(s -> s.hasAttr("src"));

        assertThat(page.select("details.numbers table.stats caption").text()).isEqualTo("Responses per assignment");
        assertThat(page.select("table.stats tbody tr").stream()
                        .map(tr -> tr.select("th, td").eachText())
                        .toList())
                .containsExactly(
                        List.of("#1: Why blog?", day(0), "2", "2", "0"),
                        List.of("#2: Tools", day(10), "3", "1", "1"),
                        List.of("#3: Habits", day(20), "2", "1", "0"));
        assertThat(page.select("a[href=/api/series/" + slug + "/stats]")).hasSize(1);
    }

    @Test
    void aSeriesWithoutOpenedAssignmentsHasTotalsButNoChart() {
        String slug = "stats-empty";
        String token = Api.createSeries(slug, "statsempty");
        Map<String, Object> later = new HashMap<>();
        later.put("opensAt", Instant.now().plus(Duration.ofDays(3)).toString());
        later.put("closesAt", Instant.now().plus(Duration.ofDays(9)).toString());
        Api.createAssignment(slug, token, later).statusCode(201);
        given().get("/api/series/" + slug + "/stats")
                .then()
                .body("assignments", equalTo(0))
                .body("participants", equalTo(0))
                .body("responses", equalTo(0))
                .body("perAssignment", hasSize(0));
        given().get("/api/series/" + slug + "/assignments/1/roundup")
                .then()
                .body("stats.responses", equalTo(0))
                .body("stats.firstResponseAfterSeconds", nullValue())
                .body("stats.channels", equalTo(Map.of()));
        Document page = Jsoup.parse(given().get("/series/" + slug).asString());
        assertThat(page.select(".glance .totals").text())
                .isEqualTo("0 assignments · 0 participants who responded · 0 responses");
        assertThat(page.select(".glance svg")).isEmpty();
        given().get("/api/series/no-such-series/stats").then().statusCode(404);
    }

    @Test
    void hostileTitlesStayTextInTheChartAndTable() {
        String slug = "stats-hostile";
        String hostile = "</title></desc></svg><script>alert(1)</script><img src=x onerror=alert(2)>";
        String token = Api.createSeries(slug, "statshostile");
        host(token)
                .body(Map.of("title", hostile))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(200);
        Api.createAssignment(slug, token, window(slug, 1, hostile + " & \"quoted\""))
                .statusCode(201);
        participant(slug, "alice", item(slug, "alice", 1, "Alice <b>bold</b>", Duration.ofHours(3), "none", true));
        Api.pollSeries(slug, token).statusCode(200);

        String html =
                given().get("/series/" + slug).then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("svg")).hasSize(1);
        Element svg = page.selectFirst(".glance svg");
        assertThat(svg.select("title").text()).isEqualTo("Responses per assignment, first-timers marked");
        assertThat(svg.select("desc").text()).contains("#1, 1 response, 1 from first-timers");
        assertThat(page.select("table.stats tbody th").text()).isEqualTo("#1: " + hostile + " & \"quoted\"");
        assertThat(page.select("h1").text()).isEqualTo(hostile);
        given().get("/api/series/" + slug + "/stats")
                .then()
                .body("title", equalTo(hostile))
                .body("perAssignment[0].title", equalTo(hostile + " & \"quoted\""))
                .body("perAssignment[0].firstTimers", equalTo(1));
    }

    static String day(int days) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                .format(BASE.plus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC));
    }
}
