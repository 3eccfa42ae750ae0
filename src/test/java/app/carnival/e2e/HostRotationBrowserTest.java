package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Browser;
import app.carnival.testing.Chromium;
import app.carnival.testing.FeedServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Host rotation as people do it, in a real browser (headless Chromium), with no API: a host starts a
 * series, plans three assignments with guest hosts and issues a guest token; the guest signs in,
 * writes the invitation and questions, polls and curates; the series host rotates the token and the
 * old cookie stops working; the calendar link gives six events. Every new page passes the Nu checker
 * and axe-core at both widths; screenshots go to target/screenshots/rotation-*.
 */
@QuarkusTest
class HostRotationBrowserTest {

    static final String INVITATION = "https://dan.example/2026/what-do-you-automate";
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    ChromeDriver browser() {
        return chromium.driver();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    WebElement find(String css) {
        return browser().findElement(By.cssSelector(css));
    }

    void click(WebElement element) throws InterruptedException {
        Browser.clickAndWait(browser(), element);
    }

    void type(String id, String text) {
        WebElement field = browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date-time field set as its picker would set it (typing into one depends on the browser's locale). */
    void setLocalTime(String id, Duration fromNow) {
        String value = LOCAL.format(Instant.now().plus(fromNow).atZone(ZoneId.of("UTC")));
        browser().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** The markup as served to whoever the browser is signed in as. */
    String served(String path) {
        var request = given();
        for (Cookie c : browser().manage().getCookies()) {
            request.cookie(c.getName(), c.getValue());
        }
        return request.get(path).then().statusCode(200).extract().asString();
    }

    void check(String name, String served) throws Exception {
        Browser.checkPage(browser(), "rotation-" + name, served);
        browser().manage().window().setSize(Browser.DESKTOP);
    }

    void planAssignment(String guest, String guestBlog, Duration opensIn) throws Exception {
        click(browser().findElement(By.linkText("Plan an assignment")));
        select("timezone", "UTC");
        setLocalTime("opens", opensIn);
        setLocalTime("closes", opensIn.plusDays(7));
        type("guestName", guest);
        type("guestUrl", guestBlog);
        click(find("form button[type=submit]"));
        assertThat(find("p.message").getText()).isEqualTo("The assignment is planned.");
    }

    void select(String id, String option) {
        browser()
                .findElement(By.xpath("//select[@id='" + id + "']/option[.='" + option + "']"))
                .click();
    }

    @Test
    void aHostRotatesTheCarnivalAmongGuestHosts() throws Exception {
        ChromeDriver browser = browser();
        browser.manage().window().setSize(Browser.DESKTOP);
        String alice = server.url("/rot-alice/");
        server.serve(
                "/rot-alice/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        alice,
                        Feeds.wordpressItem(
                                alice + "automation/",
                                "What I automate, and what I never will",
                                BrowserTest.daysAgo(0),
                                "none",
                                "<p>For <a href=\"" + INVITATION + "\">Dan's invitation</a>: backups, yes.</p>"),
                        Feeds.wordpressItem(
                                alice + "ad/",
                                "Sponsored: a robot for your backups",
                                BrowserTest.daysAgo(0),
                                "none",
                                "<p>Buy it, says <a href=\"" + INVITATION + "\">this</a>.</p>")));

        // 1. A host starts the carnival from the home page and lands on the dashboard.
        browser.get(url("/"));
        click(browser.findElement(By.linkText("Start a carnival")));
        type("title", "Automation Tuesday");
        type("hashtag", "autotuesday");
        click(find("form button[type=submit]"));
        String hostToken = find("#host-token").getText();
        click(browser.findElement(By.linkText("Go to your host dashboard")));
        String slug = "automation-tuesday";
        assertThat(find("h1").getText()).isEqualTo("Host view: Automation Tuesday");
        Api.register(slug, "Alice", alice, server.url("/rot-alice/feed"));

        // 2. Three assignments planned ahead, each with a guest host; first a refused one.
        click(browser.findElement(By.linkText("Plan an assignment")));
        assertThat(find("#number").getAttribute("value")).isEqualTo("1");
        check("plan", served("/series/" + slug + "/host/assignments/new"));
        type("invitationUrl", "dan.example/soon");
        click(find("form button[type=submit]"));
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("error-summary");
        assertThat(find(".error-summary a[href='#invitationUrl']").getText()).startsWith("Invitation address");
        check("plan-refused", null);
        browser.get(url("/series/" + slug + "/host"));
        planAssignment("Dan Example", "https://dan.example/", Duration.ofDays(3));
        planAssignment("Erin Example", "https://erin.example/", Duration.ofDays(33));
        planAssignment("Finn Example", "https://finn.example/", Duration.ofDays(63));
        assertThat(browser.findElements(By.cssSelector(".card h3")))
                .extracting(WebElement::getText)
                .containsExactly("#1: Topic to be announced", "#2: Topic to be announced", "#3: Topic to be announced");
        assertThat(find(".warnings").getText()).contains("#1 (hosted by Dan Example) opens in 2 days");
        check("dashboard", served("/series/" + slug + "/host"));

        // 3. The series host issues Dan's token.
        click(browser.findElement(By.xpath("//li[contains(@class,'card')][starts-with(normalize-space(h3), '#1')]"
                + "//button[starts-with(., 'Issue a guest host token')]")));
        String guestToken = find("#guest-token").getText().trim();
        assertThat(guestToken).hasSize(43).isNotEqualTo(hostToken);
        assertThat(find("main").getText()).contains("Send this to Dan Example");
        check("guest-token", null);

        // 4. Dan signs in with it, in his own browser, and writes the invitation and questions.
        browser.manage().deleteAllCookies();
        browser.get(url("/series/" + slug + "/host"));
        type("token", guestToken);
        click(find("form[action$='/login'] button[type=submit]"));
        assertThat(find("h1").getText()).isEqualTo("Guest host view: Automation Tuesday");
        assertThat(find("p.message").getText()).isEqualTo("You are logged in as the guest host of assignment #1.");
        assertThat(browser.findElements(By.cssSelector(".card h3")))
                .extracting(WebElement::getText)
                .containsExactly("#1: Topic to be announced");
        assertThat(browser.findElements(By.linkText("Settings"))).isEmpty();
        check("guest-dashboard", served("/series/" + slug + "/host"));
        click(browser.findElement(By.partialLinkText("Edit")));
        assertThat(browser.findElements(By.id("number"))).isEmpty();
        check("guest-edit", served("/series/" + slug + "/host/assignments/1"));
        type("title", "What do you automate?");
        type("invitationUrl", INVITATION);
        type("questions", "What did you automate last?\nWhat will you never automate?");
        setLocalTime("opens", Duration.ofDays(-1)); // Dan opens it early
        click(find("form button[type=submit]"));
        assertThat(find("p.message").getText()).contains("saved");

        // 5. He polls Alice's feed and curates: the advert goes.
        click(browser.findElement(By.xpath("//tr[th[starts-with(., 'Alice')]]//button[starts-with(., 'Poll now')]")));
        assertThat(find("p.message").getText()).startsWith("Polled Alice's feed");
        click(browser.findElement(By.partialLinkText("Curate the round-up")));
        click(browser.findElement(By.xpath(
                "//li[contains(@class,'entry')][.//h3[contains(.,'Sponsored')]]//button[starts-with(.,'Hide')]")));
        assertThat(find("p.message").getText()).contains("hidden");
        check("guest-curation", served("/series/" + slug + "/host/1"));
        // Nothing else is his: another assignment's form sends him back to his dashboard.
        browser.get(url("/series/" + slug + "/host/assignments/2"));
        assertThat(browser.getCurrentUrl()).endsWith("/series/" + slug + "/host");

        // 6. Readers see the round-up, the schedule and the hosts page.
        browser.manage().deleteAllCookies();
        browser.get(url("/series/" + slug + "/1"));
        assertThat(browser.findElements(By.cssSelector("ol.entries li.entry h3")))
                .extracting(WebElement::getText)
                .containsExactly("What I automate, and what I never will");
        assertThat(browser.findElements(By.cssSelector("ol.questions li"))).hasSize(2);
        browser.get(url("/series/" + slug));
        assertThat(browser.findElements(By.cssSelector(".schedule")))
                .extracting(WebElement::getText)
                .anyMatch(t -> t.startsWith("#2 · hosted by Erin Example · opens "));
        check("series", served("/series/" + slug));
        click(browser.findElement(By.linkText("Hosts, past and planned")));
        assertThat(browser.findElements(By.cssSelector("table.hosts tbody tr"))).hasSize(3);
        assertThat(find("table.hosts tbody tr").getText()).contains("What do you automate?", "Dan Example");
        assertThat(find("table.hosts tbody tr td[data-label=Responses]").getText())
                .isEqualTo("1");
        check("hosts", served("/series/" + slug + "/hosts"));

        // 7. The calendar link: six events, an opening and a deadline per assignment.
        browser.get(url("/series/" + slug));
        String calendarHref = browser.findElement(By.linkText("Add the deadlines to your calendar"))
                .getAttribute("href");
        String ics = given().get(calendarHref)
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract()
                .asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events).hasSize(6);
        assertThat(events.stream().map(e -> e.getSummary().getValue()))
                .anyMatch(s -> s.contains("What do you automate?"));

        // 8. The series host rotates the token: the old cookie stops working.
        browser.get(url("/series/" + slug + "/host"));
        type("token", hostToken);
        click(find("form[action$='/login'] button[type=submit]"));
        Cookie old = browser.manage().getCookieNamed("carnival_host");
        click(browser.findElement(By.linkText("Settings")));
        click(browser.findElement(By.xpath("//button[text()='Rotate the host token']")));
        String fresh = find("#host-token").getText();
        assertThat(fresh).hasSize(43).isNotEqualTo(hostToken);
        browser.manage().deleteCookieNamed("carnival_host");
        browser.manage().addCookie(old);
        browser.get(url("/series/" + slug + "/host"));
        assertThat(browser.findElements(By.id("token")))
                .as("the login form again")
                .hasSize(1);
        // Dan's guest token is his own, and keeps working.
        type("token", guestToken);
        click(find("form[action$='/login'] button[type=submit]"));
        assertThat(find("h1").getText()).isEqualTo("Guest host view: Automation Tuesday");
    }
}
