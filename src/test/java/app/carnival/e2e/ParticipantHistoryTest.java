package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.FeedServer;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A participant's history page, its JSON and its Atom feed: a participant answers assignments 1, 2 and 4 of five
 * (the fifth still open), and writes for the 3rd too, but the host hides that one.
 */
@QuarkusTest
class ParticipantHistoryTest {

    static final String HOSTILE_NAME = "Ann <script>alert(1)</script> & \"Co\"";
    static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)> Tabs & spaces";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static String invitation(String slug, int n) {
        return "https://host.example/" + slug + "/invitation-" + n + "/";
    }

    /** The series: four closed assignments in 2024 (one a month, Paris time), a fifth open until 2099. */
    static String series(String slug) {
        String token = Api.createSeries(slug, "hist");
        for (int n = 1; n <= 5; n++) {
            Map<String, Object> a = new HashMap<>(Api.assignment(
                    invitation(slug, n),
                    n < 5 ? "2024-0" + n + "-01T00:00:00+01:00" : "2025-01-01T00:00:00+01:00",
                    n < 5 ? "2024-0" + n + "-15T00:00:00+01:00" : "2099-01-01T00:00:00+01:00",
                    0));
            a.put("title", n == 2 ? HOSTILE_TITLE : "Topic " + n);
            a.put("timezone", "Europe/Paris");
            Api.createAssignment(slug, token, a).statusCode(201);
        }
        return token;
    }

    static String item(String site, String slug, int n, String title) {
        return Feeds.wordpressItem(
                site + "/answer-" + n + "/",
                Feeds.escape(title),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2024, n, n, 9, 0, 0, 0, ZoneOffset.UTC)),
                "hist",
                "<p>My answer to <a href=\"" + invitation(slug, n) + "\">the invitation</a>.</p>");
    }

    /** Ann answers 1, 2, 3 and 4; Bob only 1. Returns Ann's id. */
    static long participants(String slug) {
        String site = server.url("/" + slug + "/ann");
        List<String> items = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            items.add(item(site, slug, n, n == 2 ? HOSTILE_TITLE : "Answer " + n));
        }
        server.serve(
                "/" + slug + "/ann/feed", "application/rss+xml", Feeds.wordpress(site, items.toArray(String[]::new)));
        String bob = server.url("/" + slug + "/bob");
        server.serve(
                "/" + slug + "/bob/feed", "application/rss+xml", Feeds.wordpress(bob, item(bob, slug, 1, "Bob's")));
        long ann = Api.register(slug, HOSTILE_NAME, site, server.url("/" + slug + "/ann/feed"));
        Api.register(slug, "Bob", bob, server.url("/" + slug + "/bob/feed"));
        return ann;
    }

    static void hideThird(String slug, String token) {
        long id = ((Number) given().get("/api/series/" + slug + "/assignments/3/roundup")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("responses[0].id"))
                .longValue();
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("state", "HIDDEN"))
                .patch("/api/series/" + slug + "/assignments/3/responses/" + id)
                .then()
                .statusCode(200);
    }

    static long seeded(String slug) {
        String token = series(slug);
        long ann = participants(slug);
        Api.pollSeries(slug, token).statusCode(200);
        hideThird(slug, token);
        return ann;
    }

    static Document page(String path, int status) {
        return Jsoup.parse(given().get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    @Test
    void theJsonListsTheVisibleResponsesNewestAssignmentFirstWithFirstAssignmentAndStreaks() {
        long ann = seeded("ph-json");
        JsonPath history = given().get("/api/series/ph-json/participants/" + ann + "/history")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        assertThat(history.getLong("id")).isEqualTo(ann);
        assertThat(history.getString("name")).isEqualTo(HOSTILE_NAME);
        assertThat(history.getString("series")).isEqualTo("ph-json");
        assertThat(history.getList("responses.assignment", Integer.class)).containsExactly(4, 2, 1);
        assertThat(history.getList("responses.title", String.class))
                .containsExactly("Answer 4", HOSTILE_TITLE, "Answer 1");
        assertThat(history.getList("responses.state", String.class)).containsOnly("AUTO");
        assertThat(history.getString("responses[0].url")).isEqualTo(server.url("/ph-json/ann/answer-4/"));
        assertThat(history.getString("responses[0].assignmentTitle")).isEqualTo("Topic 4");
        assertThat(history.getInt("firstAssignment")).isEqualTo(1);
        assertThat(history.getInt("assignmentsAnswered")).isEqualTo(3);
        // 4 answered, 3 hidden (not answered), 5 open and not answered yet: the current streak is 1, the longest 2
        assertThat(history.getInt("currentStreak")).isEqualTo(1);
        assertThat(history.getInt("longestStreak")).isEqualTo(2);
    }

    @Test
    void aParticipantWithoutResponsesHasNoFirstAssignmentAndNoStreak() {
        String token = series("ph-none");
        server.serve("/ph-none/cat/feed", "application/rss+xml", Feeds.wordpress(server.url("/ph-none/cat")));
        long cat = Api.register("ph-none", "Cat", server.url("/ph-none/cat"), server.url("/ph-none/cat/feed"));
        Api.pollSeries("ph-none", token).statusCode(200);
        given().get("/api/series/ph-none/participants/" + cat + "/history")
                .then()
                .statusCode(200)
                .body("firstAssignment", equalTo(null))
                .body("currentStreak", equalTo(0))
                .body("longestStreak", equalTo(0))
                .body("responses.size()", equalTo(0));
        Document page = page("/series/ph-none/participants/" + cat, 200);
        assertThat(page.select(".empty").text()).isEqualTo("No responses in the round-ups yet.");
        assertThat(page.select("dl.history dd").first().text()).isEqualTo("none yet");
    }

    @Test
    void thePageListsTheResponsesWithLinksEscapesHostileTextAndAnnouncesItsFeed() {
        long ann = seeded("ph-page");
        Document page = page("/series/ph-page/participants/" + ann, 200);
        assertThat(page.select("h1").text()).isEqualTo(HOSTILE_NAME);
        assertThat(page.title()).startsWith(HOSTILE_NAME);
        // escaped: no element came from the name or the title
        assertThat(page.select("script")).extracting(e -> e.attr("src")).allMatch(src -> src.startsWith("/static/"));
        assertThat(page.select("img")).isEmpty();
        List<Element> entries = page.select("ol.entries > li.entry");
        assertThat(entries).hasSize(3);
        assertThat(entries)
                .extracting(e -> e.select("a.assignment").attr("href"))
                .containsExactly("/series/ph-page/4", "/series/ph-page/2", "/series/ph-page/1");
        assertThat(entries.get(1).select("a.assignment").text()).isEqualTo("#2: " + HOSTILE_TITLE);
        Element post = entries.get(1).selectFirst("h3 a");
        assertThat(post.text()).isEqualTo(HOSTILE_TITLE);
        assertThat(post.attr("href")).isEqualTo(server.url("/ph-page/ann/answer-2/"));
        assertThat(post.attr("rel")).isEqualTo("nofollow ugc");
        assertThat(page.select("a[href$=/ann]").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(page.select("dl.history dd").first().select("a").attr("href"))
                .isEqualTo("/series/ph-page/1");
        assertThat(page.select("dd.current-streak").text()).isEqualTo("1");
        assertThat(page.select("dd.longest-streak").text()).isEqualTo("2");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/api/series/ph-page/participants/" + ann + "/responses.atom");
    }

    @Test
    void theSeriesPageAndTheRoundupCardsLinkTheHistoryAndKeepTheBlogLink() {
        long ann = seeded("ph-links");
        String history = "/series/ph-links/participants/" + ann;
        Document series = page("/series/ph-links", 200);
        Element li = series.select("ul.participants > li")
                .select("a[href=" + history + "]")
                .first()
                .parent();
        assertThat(li.select("a[rel=nofollow ugc]").attr("href")).isEqualTo(server.url("/ph-links/ann"));
        assertThat(li.select("a.history").text()).isEqualTo("history of " + HOSTILE_NAME);

        Document roundup = page("/series/ph-links/4", 200);
        Element card = roundup.selectFirst("ol.entries > li.entry");
        assertThat(card.select(".who a").attr("href")).isEqualTo(server.url("/ph-links/ann"));
        assertThat(card.select(".who a").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(card.select("a.history").attr("href")).isEqualTo(history);
        // the JSON round-up names the participant by id too
        given().get("/api/series/ph-links/assignments/4/roundup")
                .then()
                .statusCode(200)
                .body("responses[0].participantId", equalTo((int) ann));
    }

    @Test
    void theAtomFeedHasTheVisibleResponsesAndParsesWithRome() throws Exception {
        long ann = seeded("ph-atom");
        String xml = given().get("/api/series/ph-atom/participants/" + ann + "/responses.atom")
                .then()
                .statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .extract()
                .asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo(HOSTILE_NAME + " in Series ph-atom");
        assertThat(feed.getLinks())
                .anySatisfy(l -> assertThat(l.getHref()).endsWith("/series/ph-atom/participants/" + ann))
                .anySatisfy(l -> assertThat(l.getHref())
                        .endsWith("/api/series/ph-atom/participants/" + ann + "/responses.atom"));
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries)
                .extracting(SyndEntry::getTitle)
                .containsExactly("#4: Answer 4", "#2: " + HOSTILE_TITLE, "#1: Answer 1");
        assertThat(entries)
                .extracting(SyndEntry::getLink)
                .containsExactly(
                        server.url("/ph-atom/ann/answer-4/"),
                        server.url("/ph-atom/ann/answer-2/"),
                        server.url("/ph-atom/ann/answer-1/"));
        assertThat(entries.get(0).getAuthors().get(0).getName()).isEqualTo(HOSTILE_NAME);
        assertThat(entries.get(0).getUri()).matches(".*/series/ph-atom/4#response-\\d+");
        assertThat(xml).doesNotContain("<img").doesNotContain("<script");
    }

    @Test
    void unknownIdsAndParticipantsOfAnotherSeriesAreNotFound() {
        long ann = seeded("ph-404");
        Api.createSeries("ph-other", "other");
        server.serve("/ph-other/dan/feed", "application/rss+xml", Feeds.wordpress(server.url("/ph-other/dan")));
        long dan = Api.register("ph-other", "Dan", server.url("/ph-other/dan"), server.url("/ph-other/dan/feed"));
        for (String path : List.of(
                "/series/ph-404/participants/" + dan,
                "/series/ph-404/participants/999999999",
                "/series/ph-404/participants/abc",
                "/series/ph-nope/participants/" + ann)) {
            Document page = page(path, 404);
            assertThat(page.select("h1").text()).isNotBlank();
            String api = "/api" + path;
            for (String suffix : List.of("/history", "/responses.atom")) {
                given().get(api + suffix)
                        .then()
                        .statusCode(404)
                        .contentType(containsString("application/problem+json"))
                        .body("status", equalTo(404));
            }
        }
        given().get("/series/ph-other/participants/" + dan).then().statusCode(200);
    }
}
