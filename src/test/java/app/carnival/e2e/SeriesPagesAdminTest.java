package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import app.carnival.testing.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Starting a carnival from the pages, and the host's settings: edit, rotate the token, delete. Read as HTML. */
@QuarkusTest
class SeriesPagesAdminTest {

    static Document html(Response response) {
        assertThat(response.contentType()).contains("text/html");
        return Jsoup.parse(response.asString());
    }

    /** The start form, fetched as a browser would: its form token and the cookie that holds it. */
    record StartForm(Document page, String cookie, String formToken) {

        static StartForm get() {
            Response r = given().get("/series/new");
            assertThat(r.statusCode()).isEqualTo(200);
            Document page = html(r);
            return new StartForm(
                    page,
                    r.cookie("carnival_form"),
                    page.selectFirst("input[name=form]").attr("value"));
        }

        Response post(Map<String, String> fields) {
            return given().redirects()
                    .follow(false)
                    .cookie("carnival_form", cookie)
                    .contentType(ContentType.URLENC)
                    .formParam("form", formToken)
                    .formParams(fields)
                    .post("/series/new");
        }
    }

    static boolean exists(String slug) {
        return given().get("/api/series/" + slug).statusCode() == 200;
    }

    static RequestSpecification host(String cookie) {
        return given().redirects().follow(false).cookie("carnival_host", cookie);
    }

    static String csrf(String slug, String cookie) {
        Document settings = html(host(cookie).get("/series/" + slug + "/host/settings"));
        return settings.selectFirst("input[name=csrf]").attr("value");
    }

    /** Every error of the summary links to a field of the page, which says it is invalid and describes it by its error. */
    static List<String> summaryLinks(Document page) {
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.hasAttr("autofocus")).isTrue();
        // First in the page's content, before the heading.
        assertThat(page.select("main .error-summary ~ h1")).hasSize(1);
        List<String> targets =
                summary.select("li a").stream().map(a -> a.attr("href")).toList();
        for (String target : targets) {
            Element field = page.selectFirst(target);
            assertThat(field).as(target).isNotNull();
            assertThat(field.attr("aria-invalid")).as(target).isEqualTo("true");
            assertThat(field.attr("aria-describedby")).as(target).contains(target.substring(1) + "-error");
            assertThat(page.selectFirst(target + "-error").text())
                    .as(target)
                    .isNotBlank()
                    .endsWith(summary.selectFirst("a[href=" + target + "]").text());
        }
        return targets;
    }

    @Test
    void theHomePageLeadsToTheStartForm() {
        Document home = html(given().get("/"));
        assertThat(home.select("a[href=/series/new]").text()).isEqualTo("Start a carnival");
        assertThat(home.text()).doesNotContain("POST /api/series");

        Response r = given().get("/series/new");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Set-Cookie"))
                .startsWith("carnival_form=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/");
        Document form = html(r);
        assertThat(form.selectFirst("input[name=form]").attr("value")).isEqualTo(r.cookie("carnival_form"));
        for (String field : List.of("title", "slug", "hashtag", "description", "homeUrl")) {
            assertThat(form.select("label[for=" + field + "]")).as(field).hasSize(1);
            assertThat(form.select("#" + field + "[name=" + field + "]"))
                    .as(field)
                    .hasSize(1);
        }
        assertThat(form.select("#homeUrl").attr("type")).isEqualTo("text");
        assertThat(form.select("#homeUrl").attr("inputmode")).isEqualTo("url");
        assertThat(form.select(".error-summary")).isEmpty();
        assertThat(form.select("script[src=/static/slug.js]")).hasSize(1);
        assertThat(form.select("script:not([src])")).isEmpty();
        assertThat(HtmlChecker.problems(r.asString())).isEmpty();
        // A browser coming back keeps its token, so a form open in another tab stays valid.
        Response again =
                given().cookie("carnival_form", r.cookie("carnival_form")).get("/series/new");
        assertThat(html(again).selectFirst("input[name=form]").attr("value")).isEqualTo(r.cookie("carnival_form"));
    }

    @Test
    void invalidFieldsComeBackWithASummaryAndTheirErrorsAndNothingIsStored() {
        StartForm form = StartForm.get();
        Response r = form.post(Map.of(
                "title", " ",
                "slug", "",
                "hashtag", "two words",
                "description", "Kept as typed",
                "homeUrl", "not a url"));

        assertThat(r.statusCode()).isEqualTo(422);
        Document page = html(r);
        assertThat(summaryLinks(page)).containsExactly("#title", "#slug", "#hashtag", "#homeUrl");
        assertThat(page.select(".error-summary-title").text()).isEqualTo("There are 4 problems");
        assertThat(page.selectFirst("#title-error").text()).contains("Title must not be blank");
        assertThat(page.selectFirst("#homeUrl").attr("value")).isEqualTo("not a url");
        assertThat(page.selectFirst("#hashtag").attr("value")).isEqualTo("two words");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Kept as typed");
        assertThat(page.selectFirst("#description").hasAttr("aria-invalid")).isFalse();
        assertThat(page.selectFirst("input[name=form]").attr("value")).isEqualTo(form.formToken());
        assertThat(HtmlChecker.problems(r.asString())).isEmpty();

        // The reserved address and a taken one are errors at the address.
        Api.createSeries("spa-taken", "spataken");
        Response taken = form.post(Map.of("title", "Spa taken", "slug", "spa-taken", "hashtag", "spataken"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(summaryLinks(html(taken))).containsExactly("#slug");
        assertThat(html(taken).selectFirst("#slug-error").text()).contains("taken");
        Response reserved = form.post(Map.of("title", "New", "hashtag", "spanew"));
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(html(reserved).selectFirst("#slug").attr("value")).isEqualTo("new");
        assertThat(html(reserved).selectFirst("#slug-error").text()).contains("reserved");
        assertThat(given().get("/api/series/spa-taken").jsonPath().getString("title"))
                .isEqualTo("Series spa-taken");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndStoresNothing() {
        StartForm form = StartForm.get();
        Map<String, String> fields = Map.of("title", "Spa forged", "hashtag", "spaforged");

        given().contentType(ContentType.URLENC)
                .formParams(fields)
                .post("/series/new")
                .then()
                .statusCode(403)
                .body(containsString("did not come from this site"));
        given().cookie("carnival_form", form.cookie())
                .contentType(ContentType.URLENC)
                .formParams(fields)
                .post("/series/new")
                .then()
                .statusCode(403);
        given().contentType(ContentType.URLENC)
                .formParam("form", form.formToken())
                .formParams(fields)
                .post("/series/new")
                .then()
                .statusCode(403);
        // Another browser's pair does not fit this one's.
        given().cookie("carnival_form", form.cookie())
                .contentType(ContentType.URLENC)
                .formParam("form", StartForm.get().formToken())
                .formParams(fields)
                .post("/series/new")
                .then()
                .statusCode(403);

        assertThat(exists("spa-forged")).isFalse();
    }

    @Test
    void startingShowsTheTokenOnceAndSignsTheHostIn() {
        Response r = StartForm.get()
                .post(Map.of(
                        "title", "Spa Start: Über Alles!",
                        "slug", " ",
                        "hashtag", "#SpaStart",
                        "description", "Monthly.",
                        "homeUrl", "https://host.example/"));

        assertThat(r.statusCode()).isEqualTo(201);
        Document page = html(r);
        String token = page.selectFirst("#host-token").text();
        assertThat(token).hasSize(43);
        assertThat(page.text())
                .contains("keep it in your password manager")
                .contains("sign in as host on another device")
                .contains("Anyone with it can run your series");
        assertThat(page.select("button[data-copy=host-token]").hasAttr("hidden"))
                .isTrue();
        assertThat(page.select("script[src=/static/copy.js]")).hasSize(1);
        assertThat(page.select("a[href=/series/spa-start-uber-alles/host]").text())
                .isEqualTo("Go to your host dashboard");
        assertThat(HtmlChecker.problems(r.asString())).isEmpty();
        String setCookie = r.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("carnival_host="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .contains("carnival_host=" + token)
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/series/spa-start-uber-alles");

        given().get("/api/series/spa-start-uber-alles")
                .then()
                .body("title", equalTo("Spa Start: Über Alles!"))
                .body("hashtag", equalTo("SpaStart"))
                .body("homeUrl", equalTo("https://host.example/"))
                .body("intakePolicy", equalTo("REVIEW"));
        Document dashboard = html(host(r.cookie("carnival_host")).get("/series/spa-start-uber-alles/host"));
        assertThat(dashboard.select("h1").text()).isEqualTo("Host view: Spa Start: Über Alles!");
        assertThat(dashboard.select("a[href=/series/spa-start-uber-alles/host/settings]"))
                .hasSize(1);
        Api.createAssignment(
                        "spa-start-uber-alles",
                        token,
                        Api.assignment(
                                "https://host.example/spa-invitation",
                                "2024-06-01T00:00:00Z",
                                "2024-06-10T00:00:00Z",
                                0))
                .statusCode(201);
    }

    @Test
    void theHostEditsTheSettings() {
        String token = Api.createSeries("spa-edit", "spaedit");
        host("not-the-host")
                .get("/series/spa-edit/host/settings")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/series/spa-edit/host"));
        given().redirects()
                .follow(false)
                .get("/series/spa-edit/host/settings")
                .then()
                .statusCode(303);

        Response settings = host(token).get("/series/spa-edit/host/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        Document page = html(settings);
        assertThat(page.selectFirst("#title").attr("value")).isEqualTo("Series spa-edit");
        assertThat(page.selectFirst("#hashtag").attr("value")).isEqualTo("spaedit");
        assertThat(page.selectFirst("#intakePolicy").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[type=checkbox]#autoPublish").hasAttr("checked"))
                .isFalse();
        assertThat(page.select("form[action=/series/spa-edit/host/settings/rotate] button")
                        .text())
                .isEqualTo("Rotate the host token");
        assertThat(page.select("form[action=/series/spa-edit/host/settings/delete] button")
                        .text())
                .isEqualTo("Delete this series");
        assertThat(HtmlChecker.problems(settings.asString())).isEmpty();
        String csrf = page.selectFirst("input[name=csrf]").attr("value");
        Map<String, String> edit = Map.of(
                "title", "Spa edited",
                "hashtag", "spaedited",
                "description", "Now with a description",
                "homeUrl", "https://host.example/spa",
                "intakePolicy", "AUTO",
                "autoPublish", "on");

        host(token)
                .contentType(ContentType.URLENC)
                .formParams(edit)
                .post("/series/spa-edit/host/settings")
                .then()
                .statusCode(403);
        Response bad = host(token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParams(Map.of("title", "", "hashtag", "spaedited", "homeUrl", "nope", "intakePolicy", "AUTO"))
                .post("/series/spa-edit/host/settings");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(summaryLinks(html(bad))).containsExactly("#title", "#homeUrl");
        assertThat(html(bad).selectFirst("#homeUrl").attr("value")).isEqualTo("nope");
        assertThat(html(bad).selectFirst("#intakePolicy-auto").hasAttr("checked"))
                .isTrue();
        assertThat(HtmlChecker.problems(bad.asString())).isEmpty();
        given().get("/api/series/spa-edit").then().body("title", equalTo("Series spa-edit"));

        host(token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParams(edit)
                .post("/series/spa-edit/host/settings")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/series/spa-edit/host/settings?done=saved"));
        Document saved = html(host(token).get("/series/spa-edit/host/settings?done=saved"));
        assertThat(saved.select("p.message[role=status]").text()).startsWith("Saved");
        assertThat(saved.selectFirst("#title").attr("value")).isEqualTo("Spa edited");
        assertThat(saved.selectFirst("#intakePolicy-auto").hasAttr("checked")).isTrue();
        assertThat(saved.selectFirst("#autoPublish").hasAttr("checked")).isTrue();
        given().get("/api/series/spa-edit")
                .then()
                .body("title", equalTo("Spa edited"))
                .body("hashtag", equalTo("spaedited"))
                .body("description", equalTo("Now with a description"))
                .body("homeUrl", equalTo("https://host.example/spa"))
                .body("intakePolicy", equalTo("AUTO"))
                .body("autoPublish", equalTo(true));

        // An unticked box is not sent at all: auto-publish is off again.
        Map<String, String> untick = new java.util.HashMap<>(edit);
        untick.remove("autoPublish");
        host(token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParams(untick)
                .post("/series/spa-edit/host/settings")
                .then()
                .statusCode(303);
        given().get("/api/series/spa-edit").then().body("autoPublish", equalTo(false));
    }

    @Test
    void rotatingTheTokenSignsOutEveryOtherBrowser() {
        String old = Api.createSeries("spa-rotate", "sparotate");
        String csrf = csrf("spa-rotate", old);

        Response rotated = host(old)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .post("/series/spa-rotate/host/settings/rotate");

        assertThat(rotated.statusCode()).isEqualTo(200);
        Document page = html(rotated);
        String fresh = page.selectFirst("#host-token").text();
        assertThat(fresh).hasSize(43).isNotEqualTo(old);
        assertThat(rotated.cookie("carnival_host")).isEqualTo(fresh);
        assertThat(HtmlChecker.problems(rotated.asString())).isEmpty();

        // The old cookie: the login page, and every form refused.
        assertThat(html(host(old).get("/series/spa-rotate/host")).select("input#token[type=password]"))
                .hasSize(1);
        host(old)
                .get("/series/spa-rotate/host/settings")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/series/spa-rotate/host"));
        host(old)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .post("/series/spa-rotate/host/settings/rotate")
                .then()
                .statusCode(403);
        host(old)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("confirm", "spa-rotate")
                .post("/series/spa-rotate/host/settings/delete")
                .then()
                .statusCode(403);
        assertThat(exists("spa-rotate")).isTrue();
        // The new one: signed in, with a new CSRF token (the old one was the old token's).
        assertThat(csrf("spa-rotate", fresh)).isNotEqualTo(csrf);
        given().header("Authorization", "Bearer " + fresh)
                .post("/api/series/spa-rotate/poll")
                .then()
                .statusCode(200);
    }

    @Test
    void deletingNeedsTheAddressTypedOut() {
        String token = Api.createSeries("spa-delete", "spadelete");
        String csrf = csrf("spa-delete", token);

        for (String wrong : List.of("", "spa-delet", "SPA-DELETE")) {
            Response refused = host(token)
                    .contentType(ContentType.URLENC)
                    .formParam("csrf", csrf)
                    .formParam("confirm", wrong)
                    .post("/series/spa-delete/host/settings/delete");
            assertThat(refused.statusCode()).as(wrong).isEqualTo(422);
            Document page = html(refused);
            assertThat(summaryLinks(page)).containsExactly("#confirm");
            assertThat(page.selectFirst("#confirm").attr("value")).isEqualTo(wrong);
            assertThat(page.selectFirst("#confirm-error").text()).contains("spa-delete");
            assertThat(HtmlChecker.problems(refused.asString())).isEmpty();
        }
        host(token)
                .contentType(ContentType.URLENC)
                .formParam("confirm", "spa-delete")
                .post("/series/spa-delete/host/settings/delete")
                .then()
                .statusCode(403);
        assertThat(exists("spa-delete")).isTrue();

        Response deleted = host(token)
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("confirm", " spa-delete ")
                .post("/series/spa-delete/host/settings/delete");

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.header("Location")).endsWith("/?done=deleted");
        assertThat(deleted.header("Set-Cookie")).startsWith("carnival_host=;").contains("Max-Age=0");
        assertThat(exists("spa-delete")).isFalse();
        Document home = html(given().get("/?done=deleted"));
        assertThat(home.select("p.message[role=status]").text()).contains("was deleted");
        assertThat(home.select("a[href=/series/spa-delete]")).isEmpty();
        given().get("/series/spa-delete/host/settings").then().statusCode(404);
    }
}
