package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.announce.AnnouncementWorker;
import app.carnival.intake.MentionWorker;
import app.carnival.security.Tokens;
import app.carnival.testing.Axe;
import app.carnival.testing.Browser;
import app.carnival.testing.Chromium;
import app.carnival.testing.CspViolations;
import app.carnival.testing.FeedServer;
import app.carnival.testing.HtmlChecker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every page, at phone (390×844) and desktop (1280×900) widths, in the states people meet: valid
 * markup as served (the Nu HTML Checker: no error, no warning), no axe-core violation (WCAG 2.1 A/AA
 * and best practices) in the page the browser shows, no sideways scrolling, no request of the page
 * failing, nothing refused by the Content-Security-Policy on the way there, and a full-page screenshot, target/screenshots/quality-{page}-{phone|desktop}.png.
 *
 * <p>To check a new page, add a {@link Visit} to {@link #visits()}: a name and how the browser gets
 * there, returning the markup as served.
 */
@QuarkusTest
class PageQualityTest {

    static final String SLUG = "quality";
    static final String SERIES = "/series/" + SLUG;
    static final String INVITATION = "https://host.example/quality/code-review";
    static final String CLOSED_INVITATION = "https://host.example/quality/first-computer";
    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);
    static final List<Dimension> SIZES = List.of(new Dimension(390, 844), new Dimension(1280, 900));

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MentionWorker worker;

    @Inject
    AnnouncementWorker announcer;

    @Inject
    EntityManager em;

    /** Unsubscribe tokens of mails "sent" to participants who asked for reminders, by number. */
    final Map<Integer, String> unsubscribeTokens = new HashMap<>();

    String hostToken;
    String guestToken;
    int registrations;

    /** One page to check: its name (in the screenshot's name) and how the browser gets there. */
    record Visit(String name, Reach reach) {}

    /** Takes the browser to the page; returns the page's markup as served, for the HTML checker. */
    @FunctionalInterface
    interface Reach {
        String go() throws Exception;
    }

    List<Visit> visits() {
        return List.of(
                new Visit("home", () -> open("/")),
                new Visit("series", () -> open(SERIES)),
                new Visit("assignment-open", () -> open(SERIES + "/1")),
                new Visit("assignment-closed", () -> open(SERIES + "/2")),
                new Visit("register", () -> open(SERIES + "/register")),
                new Visit("register-errors", this::registerWithABadUrl),
                new Visit("registered", this::registerABlog),
                new Visit("register-email-refused", this::registerWithABadAddress),
                new Visit("registered-with-reminders", this::registerForReminders),
                new Visit("registered-pending", this::registerWhileTheHostReviews),
                new Visit("unsubscribe", () -> open("/unsubscribe/" + unsubscribeToken(1))),
                new Visit("unsubscribed", this::unsubscribe),
                new Visit("unsubscribe-used", () -> open("/unsubscribe/" + unsubscribeToken(102))),
                new Visit("unsubscribe-invalid", () -> open("/unsubscribe/" + "x".repeat(43), 404)),
                new Visit("host-login", () -> {
                    signOut();
                    return open(SERIES + "/host");
                }),
                new Visit("host-login-wrong-token", this::signInWithAWrongToken),
                new Visit("host-dashboard", this::signIn),
                new Visit("host-dashboard-polled", this::pollAlice),
                new Visit("curation", () -> {
                    signInIfNeeded();
                    return open(SERIES + "/host/1");
                }),
                new Visit("curation-add-refused", this::addSomethingThatIsNoAddress),
                new Visit("curation-published", this::publishTheClosedRoundUp),
                new Visit("start", () -> open("/series/new")),
                new Visit("hosts", () -> open(SERIES + "/hosts")),
                new Visit("participant-history", this::openAlicesHistoryFromTheSeriesPage),
                new Visit("host-settings", () -> {
                    signInIfNeeded();
                    return open(SERIES + "/host/settings");
                }),
                new Visit("plan-assignment", () -> {
                    signInIfNeeded();
                    return open(SERIES + "/host/assignments/new");
                }),
                new Visit("plan-assignment-refused", this::planWithABadInvitation),
                new Visit("edit-assignment", () -> {
                    signInIfNeeded();
                    return open(SERIES + "/host/assignments/3");
                }),
                new Visit("guest-token", this::issueAGuestToken),
                new Visit("guest-dashboard", () -> signInAs(guestToken)),
                new Visit("guest-edit-assignment", () -> {
                    signInAs(guestToken);
                    return open(SERIES + "/host/assignments/3");
                }),
                new Visit("guest-curation", () -> {
                    signInAs(guestToken);
                    return open(SERIES + "/host/3");
                }),
                new Visit("not-found", () -> open("/series/nope", 404)));
    }

    @Test
    void everyPagePassesTheValidatorsAtPhoneAndDesktopWidths() throws Exception {
        seed();
        SoftAssertions soft = new SoftAssertions();
        List<String> report = new ArrayList<>();
        for (Visit visit : visits()) {
            for (Dimension size : SIZES) {
                String width = size.width < 600 ? "phone" : "desktop";
                String what = visit.name() + " (" + width + ")";
                driver().manage().window().setSize(size);
                String markup = visit.reach().go();
                List<String> nu = HtmlChecker.problems(markup);
                List<String> axe = Axe.violations(driver());
                long overflow = Browser.horizontalOverflow(driver());
                List<String> failed = failedRequests();
                List<String> refused = CspViolations.drain(driver());
                soft.assertThat(nu).as("Nu HTML Checker on %s", what).isEmpty();
                soft.assertThat(axe).as("axe-core on %s", what).isEmpty();
                soft.assertThat(overflow).as("sideways scrolling on %s", what).isLessThanOrEqualTo(0);
                soft.assertThat(failed).as("failed requests of %s", what).isEmpty();
                soft.assertThat(refused)
                        .as("Content-Security-Policy violations on %s", what)
                        .isEmpty();
                report.add("%-24s %-7s Nu %d, axe %d, overflow %d px, failed requests %d, CSP violations %d"
                        .formatted(
                                visit.name(),
                                width,
                                nu.size(),
                                axe.size(),
                                Math.max(0, overflow),
                                failed.size(),
                                refused.size()));
                Browser.fullPageScreenshot(driver(), "quality-" + visit.name() + "-" + width, size);
            }
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("quality-report.txt"), report);
        System.out.println(String.join("\n", report));
        soft.assertAll();
    }

    /** Favicons are asked for at /favicon.ico whatever the page says: no 404 there either. */
    @Test
    void theIconIsServedAtItsOwnAddressAndAtFaviconIco() {
        given().redirects()
                .follow(false)
                .get("/favicon.ico")
                .then()
                .statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/static/favicon.svg"));
        given().get("/favicon.ico").then().statusCode(200).contentType("image/svg+xml");
    }

    // --- the state every page shows ---

    /**
     * A series with an open assignment (its intro in two paragraphs) and a closed one; two
     * participants with responses to both, one response hidden by the host, a near-miss, a response
     * from an unknown blog waiting for review, and a Webmention turned down.
     */
    void seed() {
        // Names without a place to break (the most a slug and a hashtag may be) must still wrap at 390 px.
        Api.createSeries("quality-" + "unbrokenname".repeat(4), "Unbroken".repeat(8));
        hostToken = Api.createSeries(SLUG, "quality");
        Map<String, Object> open = new HashMap<>(Map.of(
                "title",
                "What makes a good code review?",
                "invitationUrl",
                INVITATION,
                "questions",
                List.of("What do you look for first?", "What do you never comment on?"),
                "opensAt",
                Instant.now().minus(Duration.ofDays(7)).toString(),
                "closesAt",
                Instant.now().plus(Duration.ofDays(3)).toString(),
                "timezone",
                "Europe/Berlin",
                "matchRule",
                "LINK_AND_TAG",
                "roundupIntro",
                "Thank you all for writing about code review this month!\n\n"
                        + "Next month's topic is announced on the first Tuesday."));
        Api.createAssignment(SLUG, hostToken, open).statusCode(201);
        Api.createAssignment(
                        SLUG,
                        hostToken,
                        Map.of(
                                "title",
                                "Your first computer",
                                "invitationUrl",
                                CLOSED_INVITATION,
                                "opensAt",
                                Instant.now().minus(Duration.ofDays(60)).toString(),
                                "closesAt",
                                Instant.now().minus(Duration.ofDays(30)).toString(),
                                "timezone",
                                "America/New_York"))
                .statusCode(201);

        String alice = server.url("/q-alice/");
        server.serve(
                "/q-alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        alice,
                        answer(alice + "review/", "Reviews are for people, not for code", 3, INVITATION),
                        Feeds.wordpressItem(
                                alice + "postscript/",
                                "A postscript on review checklists",
                                daysAgo(1),
                                "quality",
                                "<p>Checklists help.</p>"),
                        answer(alice + "c64/", "A Commodore 64 in the attic", 40, CLOSED_INVITATION)));
        // Planned ahead, hosted by a guest, its invitation still missing a week before it opens.
        Api.createAssignment(
                        SLUG,
                        hostToken,
                        Map.of(
                                "opensAt",
                                        Instant.now().plus(Duration.ofDays(5)).toString(),
                                "closesAt",
                                        Instant.now().plus(Duration.ofDays(12)).toString(),
                                "timezone", "Europe/Berlin",
                                "guestHost", Map.of("name", "Dan Example", "blogUrl", "https://dan.example/")))
                .statusCode(201);
        Api.register(SLUG, "Alice", alice, server.url("/q-alice/feed"));
        String bob = server.url("/q-bob/");
        server.serve(
                "/q-bob/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        bob,
                        answer(bob + "spam/", "Cheap watches, see my review", 2, INVITATION),
                        answer(bob + "zx81/", "My ZX81 and its 1 KB of memory", 45, CLOSED_INVITATION)));
        Api.register(SLUG, "Bob Example-With-A-Rather-Long-Name", bob, server.url("/q-bob/feed"));
        Api.pollSeries(SLUG, hostToken).statusCode(200);
        long spam = WebmentionTest.hostResponses(SLUG, hostToken).stream()
                .filter(r -> String.valueOf(r.get("title")).startsWith("Cheap watches"))
                .map(r -> ((Number) r.get("id")).longValue())
                .findFirst()
                .orElseThrow();
        given().header("Authorization", "Bearer " + hostToken)
                .contentType(ContentType.JSON)
                .body(Map.of("state", "HIDDEN"))
                .patch("/api/series/" + SLUG + "/assignments/1/responses/" + spam)
                .then()
                .statusCode(200);

        // Carol's blog is no participant: her Webmention waits for the host; Dan's page only links from its sidebar.
        String carol = "/q-carol/2024/what-i-learned-reviewing-four-hundred-pull-requests-in-one-year/";
        server.serve(
                carol,
                "text/html",
                WebmentionTest.postPage(
                        "What I learned reviewing four hundred pull requests in one year",
                        Instant.now().minus(Duration.ofDays(2)).toString(),
                        "/q-carol/feed/",
                        "<p>My answer to <a href=\"" + INVITATION + "\">this month's invitation</a>. #quality</p>",
                        INVITATION));
        server.serve(
                "/q-carol/feed/",
                "application/rss+xml",
                WebmentionTest.feed(
                        "Carol's engineering notes",
                        server.url("/q-carol/"),
                        server.url(carol),
                        daysAgo(2),
                        INVITATION));
        String dan = "/q-dan/unrelated/";
        server.serve(
                dan,
                "text/html",
                WebmentionTest.postPage(
                        "Unrelated",
                        Instant.now().minus(Duration.ofDays(1)).toString(),
                        "/q-dan/feed/",
                        "<p>Nothing to see.</p>",
                        INVITATION));
        WebmentionTest.statusUrl(WebmentionTest.send(server.url(carol), INVITATION));
        WebmentionTest.statusUrl(WebmentionTest.send(server.url(dan), INVITATION));
        assertThat(worker.drain()).isEqualTo(2);
        assertThat(given().header("Authorization", "Bearer " + hostToken)
                        .get("/api/series/" + SLUG + "/assignments/1/mentions")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("status", String.class))
                .as("Carol's post waits for the host, Dan's is turned down")
                .containsExactlyInAnyOrder("pending", "rejected");
    }

    static String answer(String link, String title, int daysAgo, String invitation) {
        return Feeds.wordpressItem(
                link,
                title,
                daysAgo(daysAgo),
                "quality",
                "<p>My answer to <a href=\"" + invitation + "\">the invitation</a>, with some thoughts.</p>");
    }

    static String daysAgo(int days) {
        return RFC_1123.format(Instant.now().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC));
    }

    // --- how the browser reaches the pages ---

    /** A GET page: the browser loads it; the markup is the same GET again with the browser's cookies. */
    String open(String path) {
        return open(path, 200);
    }

    /** The series page's participants list links each participant's history: the browser follows Alice's. */
    String openAlicesHistoryFromTheSeriesPage() throws InterruptedException {
        open(SERIES);
        Browser.clickAndWait(
                driver(),
                driver().findElement(
                                By.xpath("//ul[@class='participants']//a[@class='history'][contains(., 'Alice')]")));
        // #2 opened weeks before #1 in this series: Alice's first assignment is the earlier one, as in the numbers.
        assertThat(driver().findElement(By.cssSelector("dl.history dd")).getText())
                .isEqualTo("#2: Your first computer");
        return servedNow();
    }

    String open(String path, int status) {
        driver().get(url(path));
        return served(path, status);
    }

    String served(String path, int status) {
        return asTheBrowser().get(path).then().statusCode(status).extract().asString();
    }

    /** The page the browser is on now (after a redirect), fetched again as served. */
    String servedNow() {
        URI now = URI.create(driver().getCurrentUrl());
        return served(now.getRawPath() + (now.getRawQuery() == null ? "" : "?" + now.getRawQuery()), 200);
    }

    String registerWithABadUrl() throws Exception {
        open(SERIES + "/register");
        driver().findElement(By.id("name")).sendKeys("Dora");
        driver().findElement(By.id("blogUrl")).sendKeys("not a url");
        submit("form[action$='/register'] button[type=submit]");
        assertFocusOnTheErrorSummary("#blogUrl");
        // A refused registration changes nothing: the same POST again gives the markup as served.
        return given().contentType(ContentType.URLENC)
                .formParam("name", "Dora")
                .formParam("blogUrl", "not a url")
                .formParam("feedUrl", "")
                .post(SERIES + "/register")
                .then()
                .statusCode(422)
                .extract()
                .asString();
    }

    /** The reminder fields of the form: an address that is not one, refused at its field. */
    String registerWithABadAddress() throws Exception {
        open(SERIES + "/register");
        driver().findElement(By.id("name")).sendKeys("Dora");
        driver().findElement(By.id("blogUrl")).sendKeys(server.url("/q-dora-1/"));
        driver().findElement(By.id("email")).sendKeys("dora at example");
        submit("form[action$='/register'] button[type=submit]");
        assertFocusOnTheErrorSummary("#email");
        return given().contentType(ContentType.URLENC)
                .formParam("name", "Dora")
                .formParam("blogUrl", server.url("/q-dora-1/"))
                .formParam("email", "dora at example")
                .formParam("timeZone", "Europe/Paris")
                .post(SERIES + "/register")
                .then()
                .statusCode(422)
                .extract()
                .asString();
    }

    /** Registers with an address and a zone; "Reminders: on". */
    String registerForReminders() throws Exception {
        int n = ++registrations;
        typeARegistration("Dora " + n, "/q-dora-" + n + "/");
        driver().findElement(By.id("email")).sendKeys("dora" + n + "@quality.test");
        submit("form[action$='/register'] button[type=submit]");
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("Reminders: on");
        return registeredPageAgain(n);
    }

    /** The confirmation page as served: one more registration with reminders, by the form's POST. */
    String registeredPageAgain(int n) {
        String blog = "/q-dora-" + n + "-again/";
        server.serve(blog + "feed", "application/rss+xml", Feeds.wordpress(server.url(blog)));
        return given().contentType(ContentType.URLENC)
                .formParam("name", "Dora " + n + " again")
                .formParam("blogUrl", server.url(blog))
                .formParam("feedUrl", server.url(blog + "feed"))
                .formParam("email", "dora" + n + "-again@quality.test")
                .formParam("timeZone", "Asia/Tokyo")
                .post(SERIES + "/register")
                .then()
                .statusCode(201)
                .extract()
                .asString();
    }

    /**
     * The unsubscribe token of a mail to participant "Reader k", who registered with an address (the
     * mail as the mail worker records it: only the token's hash is stored).
     */
    String unsubscribeToken(int k) {
        return unsubscribeTokens.computeIfAbsent(k, n -> {
            String blog = "/q-reader-" + n + "/";
            server.serve(blog + "feed", "application/rss+xml", Feeds.wordpress(server.url(blog)));
            long id = ((Number) given().contentType(ContentType.JSON)
                            .body(Map.of(
                                    "name",
                                    "Reader " + n,
                                    "blogUrl",
                                    server.url(blog),
                                    "feedUrl",
                                    server.url(blog + "feed"),
                                    "email",
                                    "reader" + n + "@quality.test",
                                    "timeZone",
                                    "Europe/Paris"))
                            .post("/api/series/" + SLUG + "/participants")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"))
                    .longValue();
            String token = Tokens.newToken();
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("""
                            INSERT INTO mail_outbox (kind, dedupe_key, series_id, participant_id, subject, body, state,
                                                     attempts, next_attempt_at, sent_at, unsubscribe_hash)
                            SELECT 'REMINDER', 'quality-' || p.id, p.series_id, p.id, 'Reminder', 'Body', 'SENT', 1,
                                   now(), now(), ?1
                            FROM participant p WHERE p.id = ?2""")
                            .setParameter(1, Tokens.hash(token))
                            .setParameter(2, id)
                            .executeUpdate());
            return token;
        });
    }

    int unsubscribes;

    /** The button of the unsubscribe page (the browser); the page it leads to as served (another mail's link). */
    String unsubscribe() throws Exception {
        int k = 100 + 2 * ++unsubscribes;
        open("/unsubscribe/" + unsubscribeToken(k));
        submit("form[action^='/unsubscribe/'] button[type=submit]");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("You are unsubscribed");
        return given().contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .post("/unsubscribe/" + unsubscribeToken(k + 1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    String registerABlog() throws Exception {
        int n = ++registrations;
        String blog = "/q-dora-" + n + "/";
        server.serve(
                blog,
                "text/html",
                "<!DOCTYPE html><html><head><title>Dora</title>"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed\"></head><body></body></html>");
        server.serve(blog + "feed", "application/rss+xml", Feeds.wordpress(server.url(blog)));
        open(SERIES + "/register");
        driver().findElement(By.id("name")).sendKeys("Dora " + n);
        driver().findElement(By.id("blogUrl")).sendKeys(server.url(blog));
        submit("form[action$='/register'] button[type=submit]");
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Dora " + n + "!");
        WebElement token = driver().findElement(By.id("participant-token"));
        assertThat(token.getText()).as("the whole token shows").hasSize(43);
        assertThat(token.getRect().getX() + token.getRect().getWidth())
                .as("the token fits the window")
                .isLessThanOrEqualTo(
                        ((Long) driver().executeScript("return document.documentElement.clientWidth;")).intValue());
        WebElement copy = driver().findElement(By.cssSelector("button[data-copy=participant-token]"));
        assertThat(copy.isDisplayed()).as("the script shows the Copy button").isTrue();
        copy.click();
        assertThat(driver().findElement(By.cssSelector(".copy-status")).getText())
                .isIn("Copied.", "Selected: copy it with Ctrl+C (⌘C on a Mac).");
        // The POST registered a blog and its answer showed a token once: it cannot be fetched again, so the
        // checker reads the browser's copy of the page (which the copy script changed only by showing its button).
        return Browser.source(driver());
    }

    /**
     * A registration while the series reviews them: the page says it waits (the host dashboard visited
     * later lists it with Approve / Reject). The series is open again for the other visits.
     */
    String registerWhileTheHostReviews() throws Exception {
        setRegistrationPolicy("REVIEW");
        try {
            int n = ++registrations;
            typeARegistration("Wren " + n, "/q-wren-" + n + "/");
            submit("form[action$='/register'] button[type=submit]");
            assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, Wren " + n + "!");
            return Browser.source(driver()); // shown once, as the registered page
        } finally {
            setRegistrationPolicy("OPEN");
        }
    }

    /** The register form, filled in for a blog at {@code blog} whose feed is served beside it; not sent. */
    void typeARegistration(String name, String blog) {
        server.serve(blog + "feed", "application/rss+xml", Feeds.wordpress(server.url(blog)));
        open(SERIES + "/register");
        driver().findElement(By.id("name")).sendKeys(name);
        driver().findElement(By.id("blogUrl")).sendKeys(server.url(blog));
        driver().findElement(By.id("feedUrl")).sendKeys(server.url(blog + "feed"));
    }

    void setRegistrationPolicy(String policy) {
        given().header("Authorization", "Bearer " + hostToken)
                .contentType(ContentType.JSON)
                .body(Map.of("registrationPolicy", policy))
                .patch("/api/series/" + SLUG)
                .then()
                .statusCode(200);
    }

    String signInWithAWrongToken() throws Exception {
        signOut();
        open(SERIES + "/host");
        driver().findElement(By.id("token")).sendKeys("not-the-host-token");
        submit("form[action$='/login'] button[type=submit]");
        assertFocusOnTheErrorSummary("#token");
        // A refused login changes nothing: the same form submitted again (its own CSRF cookie) as served.
        return Api.logIn(SLUG, "not-the-host-token")
                .then()
                .statusCode(403)
                .extract()
                .asString();
    }

    String signIn() throws Exception {
        return signInAs(hostToken);
    }

    String signInAs(String token) throws Exception {
        signOut();
        open(SERIES + "/host");
        driver().findElement(By.id("token")).sendKeys(token);
        submit("form[action$='/login'] button[type=submit]");
        assertThat(driver().getCurrentUrl()).endsWith(SERIES + "/host?done=login");
        return servedNow();
    }

    String pollAlice() throws Exception {
        signInIfNeeded();
        open(SERIES + "/host");
        submit(By.xpath("//tr[th[starts-with(., 'Alice')]]//button[starts-with(., 'Poll now')]"));
        assertThat(driver().getCurrentUrl()).contains(SERIES + "/host?done=polled&participant=");
        assertThat(driver().findElement(By.cssSelector("p.message")).getText()).startsWith("Polled Alice's feed");
        return servedNow();
    }

    /**
     * The closed assignment's round-up published with its button, its Webmentions sent: one accepted by
     * the endpoint Alice's post names, one failed (Bob's post is not there).
     */
    String publishTheClosedRoundUp() throws Exception {
        signInIfNeeded();
        open(SERIES + "/host/2");
        if (!driver().findElements(By.cssSelector("form[action$='/publish']")).isEmpty()) {
            server.serve(
                    "/q-alice/c64/",
                    "text/html",
                    "<!DOCTYPE html><title>C64</title><link rel=\"webmention\" href=\"/q-webmention\"><p>My C64.</p>");
            server.status("/q-webmention", 202, Map.of());
            submit("form[action$='/publish'] button[type=submit]");
            assertThat(driver().findElement(By.cssSelector(".message")).getText())
                    .startsWith("The round-up is published");
            // At least these two: round-ups other test classes published in this JVM are announced by the same run.
            assertThat(announcer.run()).isGreaterThanOrEqualTo(2);
        }
        String markup = open(SERIES + "/host/2");
        assertThat(driver().findElements(By.cssSelector("p.announcement")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactlyInAnyOrder(
                        "Webmention sent (HTTP 202)", "failed: the post answered HTTP 404 Not Found");
        return markup;
    }

    String addSomethingThatIsNoAddress() throws Exception {
        signInIfNeeded();
        open(SERIES + "/host/1");
        String csrf = driver().findElement(By.cssSelector("form[action$='/add'] input[name=csrf]"))
                .getAttribute("value");
        driver().findElement(By.id("url")).sendKeys("not a url");
        submit("form[action$='/add'] button[type=submit]");
        assertFocusOnTheErrorSummary("#url");
        // A refused addition changes nothing: the same POST again gives the markup as served.
        return asTheBrowser()
                .contentType(ContentType.URLENC)
                .formParam("csrf", csrf)
                .formParam("url", "not a url")
                .formParam("participantId", "")
                .post(SERIES + "/host/1/add")
                .then()
                .statusCode(422)
                .extract()
                .asString();
    }

    String planWithABadInvitation() throws Exception {
        signInIfNeeded();
        open(SERIES + "/host/assignments/new");
        String csrf = driver().findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
        driver().findElement(By.id("invitationUrl")).sendKeys("not a url");
        submit("form[action$='/assignments/new'] button[type=submit]");
        assertFocusOnTheErrorSummary("#invitationUrl");
        // A refused plan stores nothing: the same POST again gives the markup as served.
        Map<String, String> form = new HashMap<>();
        for (WebElement input : driver().findElements(By.cssSelector("form[action$='/assignments/new'] [name]"))) {
            String type = input.getAttribute("type");
            if (!("radio".equals(type) && !input.isSelected())) {
                form.put(input.getAttribute("name"), input.getAttribute("value"));
            }
        }
        form.put("csrf", csrf);
        return asTheBrowser()
                .contentType(ContentType.URLENC)
                .formParams(form)
                .post(SERIES + "/host/assignments/new")
                .then()
                .statusCode(422)
                .extract()
                .asString();
    }

    /** The series host issues the guest host's token; the page shows it once, so the checker reads the browser's copy. */
    String issueAGuestToken() throws Exception {
        signIn();
        submit(By.xpath("//li[contains(@class,'card')][starts-with(normalize-space(h3), '#3')]"
                + "//button[starts-with(., 'Issue a guest host token')]"));
        guestToken = driver().findElement(By.id("guest-token")).getText().trim();
        assertThat(guestToken).hasSize(43);
        return Browser.source(driver());
    }

    void signOut() {
        driver().manage().deleteAllCookies();
    }

    void signInIfNeeded() throws Exception {
        driver().get(url(SERIES + "/host"));
        if (!driver().findElements(By.id("token")).isEmpty()) {
            signIn();
        }
    }

    // --- helpers ---

    ChromeDriver driver() {
        return chromium.driver();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** rest-assured with the cookies the browser holds for the series (the host's session, the form's). */
    RequestSpecification asTheBrowser() {
        RequestSpecification request = given();
        for (Cookie c : driver().manage().getCookies()) {
            request.cookie(c.getName(), c.getValue());
        }
        return request;
    }

    void submit(String buttonSelector) throws InterruptedException {
        submit(By.cssSelector(buttonSelector));
    }

    void submit(By button) throws InterruptedException {
        Browser.clickAndWait(driver(), driver().findElement(button));
    }

    /** After a refused form, focus is on its error summary (autofocus, no script), which links to the field. */
    void assertFocusOnTheErrorSummary(String field) {
        WebElement focused = driver().switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("error-summary");
        assertThat(focused.getAttribute("role")).isEqualTo("alert");
        assertThat(focused.findElements(By.cssSelector("a[href='" + field + "']")))
                .hasSize(1);
    }

    /** Requests the page made (stylesheets, scripts, icons) that failed: the page's own status is its visit's. */
    @SuppressWarnings("unchecked")
    List<String> failedRequests() {
        return (List<String>) driver().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.responseStatus >= 400; })"
                + ".map(function (e) { return e.responseStatus + ' ' + e.name; });");
    }
}
