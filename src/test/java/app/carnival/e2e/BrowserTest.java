package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.intake.MentionWorker;
import app.carnival.testing.Axe;
import app.carnival.testing.Browser;
import app.carnival.testing.Chromium;
import app.carnival.testing.FeedServer;
import app.carnival.testing.HtmlChecker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole story in a real browser (headless Debian Chromium): a participant registers through the
 * form, a poll fills the round-up, the host logs in, hides an entry and accepts a near-miss, and a
 * reader sees the result; then a host reviews what the intakes found. Screenshots land in
 * target/screenshots/.
 */
@QuarkusTest
class BrowserTest {

    static final String SLUG = "browser-meme";
    static final String INVITATION = "https://host.example/browser-meme/invitation";
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MentionWorker worker;

    static String daysAgo(int days) {
        return RFC_1123.format(Instant.now().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    ChromeDriver browser() {
        return chromium.driver();
    }

    @Test
    void registerPollCurateAndRead() throws Exception {
        // The host's series, via the API; an assignment open now, that needs both link-back and hashtag.
        String token = Api.createSeries(SLUG, "browsermeme");
        Map<String, Object> assignment = new HashMap<>(Map.of(
                "title",
                "Tabs or spaces, and why?",
                "invitationUrl",
                INVITATION,
                "questions",
                List.of("Which do you use?", "What would change your mind?"),
                "opensAt",
                Instant.now().minus(Duration.ofDays(7)).toString(),
                "closesAt",
                Instant.now()
                        .plus(Duration.ofDays(3))
                        .plus(Duration.ofMinutes(5 * 60 + 30))
                        .toString(),
                "timezone",
                "America/New_York",
                "matchRule",
                "LINK_AND_TAG",
                "roundupIntro",
                "Thanks to everyone who wrote about indentation this month!"));
        Api.createAssignment(SLUG, token, assignment).statusCode(201);

        // Alice's blog announces its feed; one answer, and one post with the tag but no link (a near-miss).
        String alice = server.url("/b-alice/");
        server.serve(
                "/b-alice/",
                "text/html",
                "<!DOCTYPE html><html><head><title>Alice</title>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/b-alice/feed\"></head><body>Hi</body></html>");
        server.serve(
                "/b-alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        alice,
                        Feeds.wordpressItem(
                                alice + "tabs/",
                                "Tabs, obviously",
                                daysAgo(3),
                                "browsermeme",
                                "<p>Answering <a href=\"" + INVITATION
                                        + "\">the invitation</a>: tabs, because each reader picks"
                                        + " the width they like, and because a single keystroke moves a whole level.</p>"),
                        Feeds.wordpressItem(
                                alice + "postscript/",
                                "A postscript on spaces",
                                daysAgo(1),
                                "browsermeme",
                                "<p>Forgot to say: spaces in YAML, of course.</p>")));
        // Bob's feed (registered through the API) carries a hostile spam post the host will hide.
        String bob = server.url("/b-bob/");
        server.serve(
                "/b-bob/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        bob,
                        Feeds.wordpressItem(
                                bob + "spam/",
                                Feeds.escape("<script>window.xssed='title'</script>Cheap watches"),
                                daysAgo(2),
                                "browsermeme",
                                "<p><img src=x onerror=\"window.xssed='img'\">Buy now, see <a href=\"" + INVITATION
                                        + "\">this</a>.</p>")));
        Api.register(SLUG, "Bob", bob, server.url("/b-bob/feed"));

        ChromeDriver browser = browser();
        browser.manage().window().setSize(new Dimension(1280, 900));

        // 1. Alice finds the series; she registers with her home page only; the empty round-up first tells her what to
        // do.
        browser.get(url("/"));
        assertThat(browser.findElement(By.xpath("//li[contains(@class,'card')][.//a[@href='/series/" + SLUG + "']]"))
                        .getText())
                .contains("Next deadline: #1 “Tabs or spaces, and why?” closes in 3 days, 5 hours");
        clickAndWait(browser.findElement(By.linkText("Series " + SLUG)));
        assertThat(browser.findElement(By.cssSelector("#open-h + ul .card h3")).getText())
                .isEqualTo("#1: Tabs or spaces, and why?");
        clickAndWait(browser.findElement(By.linkText("#1: Tabs or spaces, and why?")));
        assertThat(browser.findElement(By.cssSelector(".empty")).getText())
                .contains("register your blog")
                .contains("#browsermeme");
        assertThat(browser.findElement(By.cssSelector("time[data-countdown]")).getText())
                .startsWith("closes in 3 days, 5 hours");
        browser.get(url("/series/" + SLUG + "/register"));
        browser.findElement(By.id("name")).sendKeys("Alice");
        browser.findElement(By.id("blogUrl")).sendKeys("not a url");
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.findElement(By.id("blogUrl-error")).getText()).contains("http");
        WebElement blogUrl = browser.findElement(By.id("blogUrl"));
        blogUrl.clear();
        blogUrl.sendKeys(alice);
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Alice!");
        assertThat(browser.findElement(By.id("participant-token")).getText()).hasSizeGreaterThan(40);
        assertThat(browser.findElement(By.cssSelector("code.url")).getText()).isEqualTo(server.url("/b-alice/feed"));
        screenshot("registered-desktop");

        // 2. A poll; the round-up page shows Alice's answer (and Bob's spam, inert).
        Api.pollSeries(SLUG, token).statusCode(200);
        browser.get(url("/series/" + SLUG + "/1"));
        assertThat(titles()).containsExactly("Tabs, obviously", "<script>window.xssed='title'</script>Cheap watches");
        assertNoScriptRan();

        // 3. The host logs in with the token, hides the spam and accepts the near-miss.
        browser.get(url("/series/" + SLUG + "/host"));
        browser.findElement(By.id("token")).sendKeys(token);
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).contains("logged in");
        assertThat(browser.findElements(By.cssSelector("table.feeds tbody tr"))).hasSize(2);
        clickAndWait(
                browser.findElement(By.xpath("//tr[th[starts-with(., 'Alice')]]//button[starts-with(., 'Poll now')]")));
        assertThat(browser.getCurrentUrl()).contains("/series/" + SLUG + "/host?done=polled&participant=");
        assertThat(browser.findElement(By.cssSelector("p.message")).getText())
                .startsWith("Polled Alice's feed (" + server.url("/b-alice/feed") + "): HTTP ");
        screenshot("host-dashboard-desktop");
        clickAndWait(browser.findElement(By.partialLinkText("Curate the round-up")));
        clickAndWait(
                browser.findElement(
                        By.xpath(
                                "//li[contains(@class,'entry')][.//h3[contains(.,'Cheap watches')]]//button[starts-with(normalize-space(), 'Hide')]")));
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).contains("hidden");
        assertThat(browser.findElement(By.cssSelector("#near-h")).getText()).isEqualTo("Near-misses (1)");
        clickAndWait(
                browser.findElement(
                        By.xpath(
                                "//li[contains(@class,'near-miss')][.//h3[contains(.,'A postscript on spaces')]]//button[starts-with(normalize-space(), 'Accept')]")));
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).contains("accepted");
        assertThat(browser.findElement(By.id("export-md")).getAttribute("value"))
                .contains("Thanks to everyone")
                .contains("[Tabs, obviously](" + alice + "tabs/)")
                .doesNotContain("Cheap watches");
        screenshot("host-curation-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        fullPageScreenshot("host-curation-phone-full", new Dimension(390, 844));
        browser.get(url("/series/" + SLUG + "/host"));
        fullPageScreenshot("host-dashboard-phone-full", new Dimension(390, 844));
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertNoScriptRan();

        // 4. A reader (no cookie) sees the curated round-up.
        browser.manage().deleteAllCookies();
        browser.get(url("/series/" + SLUG + "/1"));
        assertThat(titles()).containsExactly("Tabs, obviously", "A postscript on spaces");
        assertThat(browser.findElements(By.cssSelector("li.entry .badge.by"))
                        .get(1)
                        .getText())
                .isEqualTo("matched by hashtag");
        assertThat(browser.findElement(By.cssSelector("li.entry h3 a")).getAttribute("rel"))
                .isEqualTo("nofollow ugc");
        browser.get(url("/series/" + SLUG + "/host/1"));
        assertThat(browser.getCurrentUrl()).endsWith("/series/" + SLUG + "/host");

        // 5. The assignment page at phone and desktop widths (the viewport, and the whole page).
        browser.get(url("/series/" + SLUG + "/1"));
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
            String name = "assignment-" + (size.width < 600 ? "phone" : "desktop");
            browser.manage().window().setSize(size);
            screenshot(name);
            assertThat(horizontalOverflow())
                    .as("no sideways scrolling at %s px", size.width)
                    .isLessThanOrEqualTo(0);
            fullPageScreenshot(name + "-full", size);
        }
        assertThat(browser.findElement(By.cssSelector(".howto")).getText())
                .contains("uses #browsermeme and links to the invitation");
    }

    @Test
    void hostReviewsWhatTheIntakesFound() throws Exception {
        String slug = "browser-intake";
        String invitation = "https://host.example/browser-intake/invitation";
        String token = Api.createSeries(slug, "browserintake");
        Api.createAssignment(
                        slug,
                        token,
                        Map.of(
                                "title",
                                "What did you learn this month?",
                                "invitationUrl",
                                invitation,
                                "opensAt",
                                Instant.now().minus(Duration.ofDays(7)).toString(),
                                "closesAt",
                                Instant.now().plus(Duration.ofDays(3)).toString(),
                                "timezone",
                                "Europe/Berlin"))
                .statusCode(201);
        // A registered blog's answer, from its feed.
        String alice = server.url("/i-alice/");
        server.serve(
                "/i-alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        alice,
                        Feeds.wordpressItem(
                                alice + "learned/",
                                "Things I learned",
                                daysAgo(3),
                                "browserintake",
                                "<p>For <a href=\"" + invitation + "\">the invitation</a>.</p>")));
        Api.register(slug, "Alice", alice, server.url("/i-alice/feed"));
        Api.pollSeries(slug, token).statusCode(200);
        // Two blogs nobody registered send Webmentions: one answers, one only mentions the invitation in its sidebar.
        String carol = "/i-carol/2024/what-i-learned-about-postgres-vacuum-and-autovacuum-tuning/";
        server.serve(
                carol,
                "text/html",
                WebmentionTest.postPage(
                        "What I learned about PostgreSQL vacuum, autovacuum tuning and the visibility map",
                        Instant.now().minus(Duration.ofDays(2)).toString(),
                        "/i-carol/feed/",
                        "<p>My answer to <a href=\"" + invitation + "\">this month's invitation</a>.</p>",
                        invitation));
        server.serve(
                "/i-carol/feed/",
                "application/rss+xml",
                WebmentionTest.feed(
                        "Carol's database notes", server.url("/i-carol/"), server.url(carol), daysAgo(2), invitation));
        String dan = "/i-dan/cheap-watches-and-other-bargains-you-will-not-believe/";
        server.serve(
                dan,
                "text/html",
                WebmentionTest.postPage(
                        "Cheap watches",
                        Instant.now().minus(Duration.ofDays(1)).toString(),
                        "/i-dan/feed/",
                        "<p>Bargains.</p>",
                        invitation));
        WebmentionTest.statusUrl(WebmentionTest.send(server.url(carol), invitation));
        WebmentionTest.statusUrl(WebmentionTest.send(server.url(dan), invitation));
        assertThat(worker.drain()).isEqualTo(2);

        ChromeDriver browser = browser();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/series/" + slug + "/host"));
        browser.findElement(By.id("token")).sendKeys(token);
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".card .waiting")).getText())
                .isEqualTo("1 found elsewhere, waiting for your review");
        assertThat(browser.findElement(By.cssSelector("table.feeds")).getText())
                .contains("Carol's database notes discovered");
        assertValidAndAccessible("/series/" + slug + "/host", token);
        fullPageScreenshot("host-dashboard-waiting-phone-full", new Dimension(390, 844));
        String host = "/series/" + slug + "/host/1";
        browser.get(url(host));
        assertThat(browser.findElement(By.id("pending-h")).getText()).isEqualTo("Found elsewhere (1)");
        assertThat(browser.findElement(By.cssSelector(".pending-entry .reason")).getText())
                .contains("waiting for the host's approval");
        assertThat(browser.findElement(By.id("rejected-h")).getText()).isEqualTo("Turned down (1)");
        assertValidAndAccessible(host, token);
        assertThat(horizontalOverflow()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        fullPageScreenshot("host-review-phone-full", new Dimension(390, 844));

        clickAndWait(browser.findElement(By.cssSelector(".pending-entry button[value=approve]")));
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).startsWith("Approved");
        assertThat(browser.findElements(By.cssSelector(".pending-entry"))).isEmpty();
        assertValidAndAccessible(host, token);
        browser.get(url("/series/" + slug + "/host"));
        assertThat(browser.findElements(By.cssSelector(".card .waiting"))).isEmpty();

        browser.manage().deleteAllCookies();
        browser.get(url("/series/" + slug + "/1"));
        assertThat(titles())
                .containsExactly(
                        "Things I learned",
                        "What I learned about PostgreSQL vacuum, autovacuum tuning and the visibility map");
        assertValidAndAccessible("/series/" + slug + "/1", null);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** The accessibility check finds what is wrong: a passing page means something. */
    @Test
    void axeReportsAnInaccessiblePage() {
        server.serve(
                "/a11y-broken",
                "text/html",
                "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"x.png\"><button></button>"
                        + "<button aria-label=\"Poll Alice's feed now\">Poll now</button></body></html>");
        browser().get(server.url("/a11y-broken"));
        assertThat(Axe.violations(browser()))
                .anyMatch(v -> v.startsWith("image-alt:"))
                .anyMatch(v -> v.startsWith("button-name:"))
                .anyMatch(v -> v.startsWith("html-has-lang:"))
                .anyMatch(v -> v.startsWith("label-content-name-mismatch:"));
    }

    /** The page the browser shows passes axe-core, and its markup as served passes the Nu HTML Checker. */
    void assertValidAndAccessible(String path, String hostToken) {
        assertThat(Axe.violations(browser())).as("axe-core on %s", path).isEmpty();
        var request = given();
        if (hostToken != null) {
            request.cookie("carnival_host", hostToken);
        }
        String html = request.get(path).then().statusCode(200).extract().asString();
        assertThat(HtmlChecker.problems(html)).as("Nu HTML Checker on %s", path).isEmpty();
    }

    void clickAndWait(WebElement element) throws InterruptedException {
        Browser.clickAndWait(browser(), element);
    }

    List<String> titles() {
        return browser().findElements(By.cssSelector("ol.entries li.entry h3")).stream()
                .map(WebElement::getText)
                .toList();
    }

    void assertNoScriptRan() {
        assertThat(browser().executeScript("return window.xssed === undefined ? null : window.xssed;"))
                .isNull();
        try {
            browser().switchTo().alert();
            throw new AssertionError("an alert is open");
        } catch (NoAlertPresentException expected) {
            // good: nothing injected ran
        }
    }

    long horizontalOverflow() {
        return Browser.horizontalOverflow(browser());
    }

    void fullPageScreenshot(String name, Dimension size) throws Exception {
        Browser.fullPageScreenshot(browser(), name, size);
    }

    void screenshot(String name) throws Exception {
        Browser.screenshot(browser(), name);
    }
}
