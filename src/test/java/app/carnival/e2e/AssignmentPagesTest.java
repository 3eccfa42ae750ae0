package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.testing.FeedServer;
import app.carnival.testing.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Assignments in the browser, read as HTML: plan and edit with every field, errors at their fields,
 * guest host tokens and the guest's limited view, the schedule and hosts page, removing and blocking.
 */
@QuarkusTest
class AssignmentPagesTest {

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static RequestSpecification as(String token) {
        return given().cookie("carnival_host", token).redirects().follow(false);
    }

    static Document page(String path, String token, int status) {
        String html = as(token).get(path).then().statusCode(status).extract().asString();
        assertThat(HtmlChecker.problems(html)).as("Nu HTML Checker on %s", path).isEmpty();
        return Jsoup.parse(html);
    }

    static String csrf(String slug, String token) {
        return page("/series/" + slug + "/host", token, 200)
                .select("input[name=csrf]")
                .attr("value");
    }

    static String local(Duration fromNow, String zone) {
        return LOCAL.format(Instant.now().plus(fromNow).atZone(ZoneId.of(zone)));
    }

    static Response post(String path, String token, Map<String, String> form) {
        RequestSpecification r = as(token).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(r::formParam);
        return r.post(path);
    }

    @Test
    void theHostPlansAndEditsAnAssignmentWithEveryField() {
        String slug = "ap-plan";
        String host = Api.createSeries(slug, "applan");
        Document blank = page("/series/" + slug + "/host/assignments/new", host, 200);
        assertThat(blank.select("#number").val()).isEqualTo("1");
        assertThat(blank.select("#timezone option[selected]").text()).isEqualTo("UTC");
        assertThat(blank.select("input[name=matchRule]")).hasSize(4);
        assertThat(blank.select("#rule-LINK_AND_TAG-hint").text()).contains("links to the invitation and carries");
        assertThat(blank.select(".error-summary")).isEmpty();
        String csrf = blank.select("input[name=csrf]").val();

        // Errors: each at its field, listed in the summary that takes focus; nothing stored.
        Response bad = post(
                "/series/" + slug + "/host/assignments/new",
                host,
                Map.of(
                        "csrf", csrf,
                        "number", "1",
                        "title", "Tabs",
                        "invitationUrl", "not a url",
                        "opens", "",
                        "closes", local(Duration.ofDays(3), "UTC"),
                        "timezone", "UTC",
                        "graceMinutes", "lots",
                        "matchRule", "LINK_OR_TAG"));
        assertThat(bad.statusCode()).isEqualTo(422);
        Document errors = Jsoup.parse(bad.asString());
        assertThat(HtmlChecker.problems(bad.asString())).isEmpty();
        assertThat(errors.select(".error-summary").hasAttr("autofocus")).isTrue();
        assertThat(errors.select(".error-summary a"))
                .extracting(a -> a.attr("href"))
                .containsExactly("#invitationUrl", "#opens", "#graceMinutes");
        assertThat(errors.select("#invitationUrl").attr("aria-invalid")).isEqualTo("true");
        assertThat(errors.select("#invitationUrl").val()).isEqualTo("not a url");
        assertThat(errors.select("#invitationUrl-error").text()).contains("http");
        given().get("/api/series/" + slug + "/assignments").then().body("", hasSize(0));

        // Planned months ahead in Paris time, with a guest host and no topic yet.
        String opens = local(Duration.ofDays(60), "Europe/Paris");
        Response planned = post(
                "/series/" + slug + "/host/assignments/new",
                host,
                Map.ofEntries(
                        Map.entry("csrf", csrf),
                        Map.entry("number", "1"),
                        Map.entry("title", ""),
                        Map.entry("invitationUrl", ""),
                        Map.entry("aliasUrls", ""),
                        Map.entry("questions", "Second?\r\nFirst?\r\n\r\nThird?"),
                        Map.entry("opens", opens),
                        Map.entry("closes", local(Duration.ofDays(67), "Europe/Paris")),
                        Map.entry("timezone", "Europe/Paris"),
                        Map.entry("graceMinutes", "60"),
                        Map.entry("matchRule", "LINK_AND_TAG"),
                        Map.entry("hashtag", ""),
                        Map.entry("roundupIntro", "Thanks!\r\n\r\nSee you next month."),
                        Map.entry("guestName", "Dan Example"),
                        Map.entry("guestUrl", "https://dan.example/")));
        assertThat(planned.statusCode()).isEqualTo(303);
        assertThat(planned.header("Location")).endsWith("/series/" + slug + "/host?done=planned&n=1");
        given().get("/api/series/" + slug + "/assignments/1")
                .then()
                .body("title", equalTo(null))
                .body("questions", equalTo(List.of("Second?", "First?", "Third?")))
                .body("timezone", equalTo("Europe/Paris"))
                .body("opensAt", org.hamcrest.Matchers.startsWith(opens))
                .body("matchRule", equalTo("LINK_AND_TAG"))
                .body("graceMinutes", equalTo(60))
                .body("roundupIntro", equalTo("Thanks!\n\nSee you next month."))
                .body("guestHost.name", equalTo("Dan Example"));

        // The next form suggests the next number and the zone used last; the edit form shows what is stored.
        Document next = page("/series/" + slug + "/host/assignments/new", host, 200);
        assertThat(next.select("#number").val()).isEqualTo("2");
        assertThat(next.select("#timezone option[selected]").text()).isEqualTo("Europe/Paris");
        Document edit = page("/series/" + slug + "/host/assignments/1", host, 200);
        assertThat(edit.select("#questions").val()).isEqualTo("Second?\nFirst?\nThird?");
        assertThat(edit.select("#opens").val()).isEqualTo(opens);
        assertThat(edit.select("#rule-LINK_AND_TAG").hasAttr("checked")).isTrue();
        assertThat(edit.select("#guestName").val()).isEqualTo("Dan Example");

        // A number already taken is an error at the number field.
        Api.createAssignment(
                        slug,
                        host,
                        Map.of(
                                "opensAt",
                                Instant.now().plus(Duration.ofDays(90)).toString(),
                                "closesAt",
                                Instant.now().plus(Duration.ofDays(97)).toString()))
                .statusCode(201);
        Response taken = post(
                "/series/" + slug + "/host/assignments/1",
                host,
                Map.of(
                        "csrf", csrf,
                        "number", "2",
                        "opens", opens,
                        "closes", local(Duration.ofDays(67), "Europe/Paris"),
                        "timezone", "Europe/Paris",
                        "graceMinutes", "0",
                        "matchRule", "LINK_OR_TAG"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(taken.asString()).select("#number-error").text()).contains("taken");

        // Without the CSRF token nothing happens.
        assertThat(post("/series/" + slug + "/host/assignments/new", host, Map.of("number", "5"))
                        .statusCode())
                .isEqualTo(403);
        // Not signed in: the forms send you to the login.
        given().redirects()
                .follow(false)
                .get("/series/" + slug + "/host/assignments/new")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/series/" + slug + "/host"));
    }

    @Test
    void theGuestHostSignsInAndEditsOnlyTheirAssignment() {
        String slug = "ap-guest";
        String host = Api.createSeries(slug, "apguest");
        Api.createAssignment(
                        slug,
                        host,
                        Map.of(
                                "opensAt",
                                        Instant.now().plus(Duration.ofDays(5)).toString(),
                                "closesAt",
                                        Instant.now().plus(Duration.ofDays(12)).toString(),
                                "guestHost", Map.of("name", "Dan Example", "blogUrl", "https://dan.example/")))
                .statusCode(201);
        Api.createAssignment(
                        slug,
                        host,
                        Map.of(
                                "opensAt",
                                        Instant.now().plus(Duration.ofDays(40)).toString(),
                                "closesAt",
                                        Instant.now().plus(Duration.ofDays(47)).toString()))
                .statusCode(201);

        // The dashboard warns: #1 opens within a week and has no invitation.
        Document dashboard = page("/series/" + slug + "/host", host, 200);
        assertThat(dashboard.select(".warnings li").text())
                .startsWith("#1 (hosted by Dan Example) opens in 4 days")
                .contains("no invitation yet");
        assertThat(dashboard.select(".warnings li")).hasSize(1);
        String csrf = dashboard.select("input[name=csrf]").first().val();

        Response issued = post("/series/" + slug + "/host/assignments/1/guest-token", host, Map.of("csrf", csrf));
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        assertThat(HtmlChecker.problems(issued.asString())).isEmpty();
        Document tokenPage = Jsoup.parse(issued.asString());
        String guest = tokenPage.select("#guest-token").text().trim();
        assertThat(guest).hasSizeGreaterThan(40);
        assertThat(tokenPage.select("a[href=http://carnival.test/series/" + slug + "/host]"))
                .hasSize(1);

        // The guest signs in with the same login form and sees their assignment only.
        Response login = Api.logIn(slug, guest);
        assertThat(login.statusCode()).isEqualTo(303);
        Document guestView = page("/series/" + slug + "/host", guest, 200);
        assertThat(guestView.select("h1").text()).startsWith("Guest host view");
        assertThat(guestView.select(".card h3")).extracting(Element::text).containsExactly("#1: Topic to be announced");
        assertThat(guestView.select("a[href$=/assignments/new]")).isEmpty();
        assertThat(guestView.select("form[action$=/guest-token]")).isEmpty();
        String guestCsrf = guestView.select("input[name=csrf]").first().val();

        Document form = page("/series/" + slug + "/host/assignments/1", guest, 200);
        assertThat(form.select("#number")).isEmpty();
        assertThat(form.select("input[name=matchRule]")).isEmpty();
        assertThat(form.select(".fixed").text()).contains("#1").contains("Dan Example");
        Response saved = post(
                "/series/" + slug + "/host/assignments/1",
                guest,
                Map.of(
                        "csrf", guestCsrf,
                        "title", "Dan's question",
                        "invitationUrl", "https://dan.example/invitation",
                        "questions", "Why?",
                        "opens", local(Duration.ofDays(5), "UTC"),
                        "closes", local(Duration.ofDays(14), "UTC"),
                        "timezone", "UTC",
                        "graceMinutes", "0",
                        // a guest's form cannot change the rule, whatever it sends
                        "matchRule", "TAG_ONLY"));
        assertThat(saved.statusCode()).isEqualTo(303);
        given().get("/api/series/" + slug + "/assignments/1")
                .then()
                .body("title", equalTo("Dan's question"))
                .body("matchRule", equalTo("LINK_OR_TAG"))
                .body("guestHost.name", equalTo("Dan Example"));
        assertThat(page("/series/" + slug + "/host", host, 200).select(".warnings"))
                .isEmpty();

        // Another assignment, the curation of another, token issuing: not for the guest.
        as(guest).get("/series/" + slug + "/host/assignments/2").then().statusCode(303);
        as(guest).get("/series/" + slug + "/host/2").then().statusCode(303);
        assertThat(post("/series/" + slug + "/host/assignments/2", guest, Map.of("csrf", guestCsrf, "title", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/series/" + slug + "/host/assignments/1/guest-token", guest, Map.of("csrf", guestCsrf))
                        .statusCode())
                .isEqualTo(403);
        Response otherCuration = post(
                "/series/" + slug + "/host/2/state",
                guest,
                Map.of("csrf", guestCsrf, "responseId", "1", "state", "HIDDEN"));
        assertThat(otherCuration.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(otherCuration.asString()).select("h1").text()).isEqualTo("Not allowed");
        page("/series/" + slug + "/host/1", guest, 200);

        // Readers see the schedule and the hosts page.
        Document series = page("/series/" + slug, null, 200);
        String opensDay = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
                .format(Instant.now().plus(Duration.ofDays(5)).atZone(ZoneId.of("UTC")));
        assertThat(series.select(".schedule"))
                .extracting(Element::text)
                .contains("#1 · hosted by Dan Example · opens " + opensDay);
        Document hosts = page("/series/" + slug + "/hosts", null, 200);
        assertThat(hosts.select("table.hosts tbody tr")).hasSize(2);
        assertThat(hosts.select("table.hosts tbody tr").first().text())
                .contains("#1: Dan's question")
                .contains("Dan Example");
        assertThat(hosts.select("table.hosts tbody tr")
                        .first()
                        .select("td[data-label=Responses]")
                        .text())
                .isEqualTo("0");
        assertThat(hosts.select("a[href=https://dan.example/]").attr("rel")).isEqualTo("nofollow ugc");
    }

    @Test
    void theHostRemovesAndBlocksAParticipant() {
        String slug = "ap-block";
        String host = Api.createSeries(slug, "apblock");
        String site = server.url("/ap-block/spam/");
        server.serve("/ap-block/spam/feed", "application/rss+xml", Feeds.wordpress(site));
        long spam = Api.register(slug, "Spammer", site, server.url("/ap-block/spam/feed"));
        String csrf = csrf(slug, host);
        Response removed = post(
                "/series/" + slug + "/host/participants/remove",
                host,
                Map.of("csrf", csrf, "participantId", String.valueOf(spam), "block", "yes", "reason", "adverts"));
        assertThat(removed.statusCode()).isEqualTo(303);
        Document dashboard = page("/series/" + slug + "/host?done=blocked", host, 200);
        assertThat(dashboard.select(".message").text()).contains("cannot register again");
        assertThat(dashboard.select(".blocked li")).hasSize(2);

        // The registration form says why, with a 403.
        String html = given().contentType("application/x-www-form-urlencoded")
                .formParam("name", "Spammer")
                .formParam("blogUrl", site)
                .post("/series/" + slug + "/register")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertThat(Jsoup.parse(html).select(".error-summary").text())
                .contains("blocked")
                .contains("adverts");

        String blockedId =
                dashboard.select(".blocked input[name=blockedId]").first().val();
        assertThat(post("/series/" + slug + "/host/blocked/remove", host, Map.of("csrf", csrf, "blockedId", blockedId))
                        .statusCode())
                .isEqualTo(303);
        assertThat(page("/series/" + slug + "/host", host, 200).select(".blocked li"))
                .hasSize(1);
    }
}
