package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Browser;
import app.carnival.testing.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A host who knows nothing of the API runs a carnival in a real browser (headless Chromium): starts
 * it from the home page, copies the token, edits the settings, rotates the token, deletes a second
 * series. Every new page passes axe-core and the Nu HTML Checker at phone and desktop widths;
 * screenshots land in target/screenshots/.
 */
@QuarkusTest
class SeriesAdminBrowserTest {

    static final Dimension PHONE = Browser.PHONE;
    static final Dimension DESKTOP = Browser.DESKTOP;

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

    void clickAndWait(WebElement element) throws InterruptedException {
        Browser.clickAndWait(browser(), element);
    }

    WebElement find(String css) {
        return browser().findElement(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = browser().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void check(String name, String served) throws Exception {
        Browser.checkPage(browser(), name, served);
    }

    /** The markup of a page as the server sends it, to the host whose cookie the browser holds. */
    String served(String path) {
        Cookie host = browser().manage().getCookieNamed("carnival_host");
        var request = given();
        if (host != null) {
            request.cookie("carnival_host", host.getValue());
        }
        return request.get(path).then().statusCode(200).extract().asString();
    }

    String focused() {
        WebElement active = browser().switchTo().activeElement();
        return active.getTagName() + "." + active.getAttribute("class") + "#" + active.getAttribute("id");
    }

    /** Starts a series through the form from the home page; returns the token the created page shows. */
    String startFromHome(String title, String hashtag) throws Exception {
        browser().get(url("/"));
        clickAndWait(browser().findElement(By.linkText("Start a carnival")));
        type("title", title);
        type("hashtag", hashtag);
        clickAndWait(find("form button[type=submit]"));
        assertThat(find("h1").getText()).isEqualTo(title + " is ready");
        return find("#host-token").getText();
    }

    @Test
    void aHostStartsACarnivalCopiesTheTokenEditsRotatesAndDeletes() throws Exception {
        ChromeDriver browser = browser();
        browser.manage().window().setSize(DESKTOP);
        // The copy button writes to the clipboard; the test reads it back.
        browser.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        // 1. From the home page to the form.
        browser.get(url("/"));
        clickAndWait(browser.findElement(By.linkText("Start a carnival")));
        assertThat(browser.getCurrentUrl()).endsWith("/series/new");
        assertThat(find("h1").getText()).isEqualTo("Start a carnival");
        check("series-new", served("/series/new"));

        // 2. Sent half filled in: the summary has the focus and leads to each field.
        browser.manage().window().setSize(PHONE);
        type("homeUrl", "example.org");
        clickAndWait(find("form button[type=submit]"));
        assertThat(focused()).startsWith("div.error-summary");
        assertThat(find(".error-summary-title").getText()).isEqualTo("There are 4 problems");
        assertThat(browser.findElements(By.cssSelector(".error-summary li a")).stream()
                        .map(a -> a.getAttribute("hash"))
                        .toList())
                .containsExactly("#title", "#slug", "#hashtag", "#homeUrl");
        assertThat(browser.findElement(By.id("homeUrl")).getAttribute("value")).isEqualTo("example.org");
        check("series-new-errors", null);
        find(".error-summary a[href='#hashtag']").click();
        assertThat(browser.getCurrentUrl()).endsWith("#hashtag");

        // 3. The title fills the address as it is typed; the carnival starts.
        type("title", "Tabs & Spaces Monthly");
        assertThat(browser.findElement(By.id("slug")).getAttribute("value")).isEqualTo("tabs-spaces-monthly");
        type("hashtag", "tabsmonthly");
        type("description", "Each month, one question about indentation.");
        type("homeUrl", "https://tabs.example/");
        clickAndWait(find("form button[type=submit]"));
        assertThat(find("h1").getText()).isEqualTo("Tabs & Spaces Monthly is ready");
        String token = find("#host-token").getText();
        assertThat(token).hasSize(43);
        assertThat(find(".host-token").getText())
                .contains("keep it in your password manager")
                .contains("Anyone with it can run your series");
        WebElement copy = browser.findElement(By.cssSelector("button[data-copy=host-token]"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        assertThat(find(".copy-status").getText()).isEqualTo("Copied.");
        assertThat(
                        browser.executeAsyncScript(
                                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });"))
                .isEqualTo(token);
        check("series-created", null);

        // 4. The dashboard, then the settings: an edit refused, then saved.
        clickAndWait(browser.findElement(By.linkText("Go to your host dashboard")));
        assertThat(find("h1").getText()).isEqualTo("Host view: Tabs & Spaces Monthly");
        clickAndWait(browser.findElement(By.linkText("Settings")));
        String settings = "/series/tabs-spaces-monthly/host/settings";
        assertThat(browser.getCurrentUrl()).endsWith(settings);
        assertThat(browser.findElement(By.id("homeUrl")).getAttribute("value")).isEqualTo("https://tabs.example/");
        check("host-settings", served(settings));
        browser.manage().window().setSize(PHONE);
        type("title", " ");
        type("hashtag", "tabs monthly");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Save the settings']")));
        assertThat(focused()).startsWith("div.error-summary");
        assertThat(find(".error-summary").getText()).contains("Title must not be blank");
        check("host-settings-errors", null);
        type("title", "Tabs & Spaces, Monthly");
        type("hashtag", "#TabsSpaces");
        browser.findElement(By.cssSelector("label[for=intakePolicy-auto]")).click();
        clickAndWait(browser.findElement(By.xpath("//button[text()='Save the settings']")));
        assertThat(browser.getCurrentUrl()).endsWith(settings + "?done=saved");
        assertThat(find("p.message").getText()).startsWith("Saved");
        assertThat(browser.findElement(By.id("hashtag")).getAttribute("value")).isEqualTo("TabsSpaces");
        assertThat(browser.findElement(By.id("intakePolicy-auto")).isSelected()).isTrue();

        // 5. Rotating: a new token shown once, this browser still signed in, the old cookie signed out.
        Cookie old = browser.manage().getCookieNamed("carnival_host");
        assertThat(old.getValue()).isEqualTo(token);
        clickAndWait(browser.findElement(By.xpath("//button[text()='Rotate the host token']")));
        assertThat(find("h1").getText()).isEqualTo("Your new host token");
        String fresh = find("#host-token").getText();
        assertThat(fresh).hasSize(43).isNotEqualTo(token);
        assertThat(browser.manage().getCookieNamed("carnival_host").getValue()).isEqualTo(fresh);
        check("host-settings-rotated", null);
        clickAndWait(browser.findElement(By.linkText("Go to your host dashboard")));
        assertThat(find("h1").getText()).isEqualTo("Host view: Tabs & Spaces, Monthly");
        Cookie current = browser.manage().getCookieNamed("carnival_host");
        browser.manage().deleteCookie(current);
        browser.manage().addCookie(old);
        browser.get(url("/series/tabs-spaces-monthly/host"));
        assertThat(find("h1").getText()).isEqualTo("Host view");
        assertThat(browser.findElements(By.id("token"))).hasSize(1);
        browser.manage().deleteCookie(old);
        browser.manage().addCookie(current);
        browser.get(url("/series/tabs-spaces-monthly/host"));
        assertThat(find("h1").getText()).isEqualTo("Host view: Tabs & Spaces, Monthly");

        // 6. A second carnival, started by mistake, deleted: a wrong confirmation first.
        browser.manage().window().setSize(DESKTOP);
        startFromHome("Started by mistake", "oops");
        clickAndWait(browser.findElement(By.linkText("Go to your host dashboard")));
        clickAndWait(browser.findElement(By.linkText("Settings")));
        type("confirm", "started-by-mistak");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Delete this series']")));
        assertThat(browser.findElement(By.id("confirm-error")).getText()).contains("started-by-mistake");
        assertThat(focused()).startsWith("div.error-summary");
        check("host-settings-delete-errors", null);
        type("confirm", "started-by-mistake");
        clickAndWait(browser.findElement(By.xpath("//button[text()='Delete this series']")));
        assertThat(browser.getCurrentUrl()).endsWith("/?done=deleted");
        assertThat(find("p.message").getText()).contains("was deleted");
        assertThat(browser.findElements(By.linkText("Started by mistake"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Tabs & Spaces, Monthly"))).hasSize(1);
        check("home-deleted", served("/?done=deleted"));
        browser.get(url("/series/started-by-mistake"));
        assertThat(find("h1").getText()).isEqualTo("Not found");
    }
}
