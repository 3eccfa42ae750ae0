package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Await;
import app.carnival.testing.Browser;
import app.carnival.testing.Chromium;
import app.carnival.testing.CspViolations;
import app.carnival.testing.FeedServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 13, item 4, in the browser: another site cannot frame Carnival's pages, the watch for policy
 * violations that {@link PageQualityTest} runs on every page does see one, and Swagger UI (under its own,
 * looser policy) runs without any.
 */
@QuarkusTest
class SecurityHeadersBrowserTest {

    static final String SLUG = "framed";

    @RegisterExtension
    static final FeedServer otherSite = new FeedServer();

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    /**
     * A page on another origin (the FeedServer, 127.0.0.1 on another port) frames the host's login: the
     * browser shows its error page in that frame instead, and says why. A page of the framing site's own,
     * framed beside it, shows: frames as such work here.
     */
    @Test
    void anotherSiteCannotFrameTheHostPage() throws Exception {
        Api.createSeries(SLUG, "framed");
        String hostPage = url("/series/" + SLUG + "/host");
        otherSite.serve(
                "/own.html", "text/html", "<!DOCTYPE html><title>Own</title><h1>The framing site's own page</h1>");
        otherSite.serve(
                "/framing.html",
                "text/html",
                "<!DOCTYPE html><title>Framing</title><h1>Another site</h1>"
                        + "<iframe id=\"carnival\" src=\"" + hostPage + "\" width=\"600\" height=\"300\"></iframe>"
                        + "<iframe id=\"own\" src=\"/own.html\" width=\"600\" height=\"150\"></iframe>");
        ChromeDriver driver = chromium.driver();
        CspViolations.drain(driver);

        driver.get(otherSite.url("/framing.html"));
        driver.switchTo().frame("own");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("The framing site's own page");
        driver.switchTo().defaultContent();
        driver.switchTo().frame("carnival");
        assertThat((String) driver.executeScript("return location.href;"))
                .as("Chromium's error page in the refused frame")
                .startsWith("chrome-error://");
        assertThat(driver.findElement(By.tagName("body")).getText())
                .as("the host page's words")
                .doesNotContain("Host view", "host token");
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "framed-host-page-refused");

        assertThat(CspViolations.drain(driver))
                .as("Chromium's console")
                .anySatisfy(message -> assertThat(message)
                        .contains("Framing '" + url("/") + "'")
                        .contains("frame-ancestors 'none'"));
        // The host page's answer forbids any frame:
        given().get(hostPage)
                .then()
                .statusCode(200)
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; "
                                + "script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'none'; object-src 'none'");
    }

    /** The watch is no formality: a page whose policy forbids its inline style and script is caught at both. */
    @Test
    void theWatchSeesEveryViolation() {
        otherSite.serve(
                "/violating.html",
                200,
                "text/html",
                "<!DOCTYPE html><title>Violating</title><p style=\"color: red\">Inline style.</p>"
                        + "<script>document.title = 'inline script ran';</script>",
                Map.of("Content-Security-Policy", "default-src 'self'"));
        ChromeDriver driver = chromium.driver();
        CspViolations.drain(driver);

        driver.get(otherSite.url("/violating.html"));
        assertThat(driver.getTitle()).isEqualTo("Violating");
        List<String> seen = CspViolations.drain(driver);
        assertThat(seen).anyMatch(v -> v.startsWith("style-src-attr refused inline"));
        assertThat(seen).anyMatch(v -> v.startsWith("script-src-elem refused inline"));
        assertThat(seen).anyMatch(v -> v.startsWith("console: ") && v.contains("style-src"));
        assertThat(CspViolations.drain(driver)).as("each once").isEmpty();
    }

    /** Swagger UI, linked from every page's footer, draws the API under its looser policy with nothing refused. */
    @Test
    void swaggerUiRunsWithNothingRefused() throws Exception {
        ChromeDriver driver = chromium.driver();
        CspViolations.drain(driver);

        driver.get(url("/q/swagger-ui"));
        Await.until(
                "Swagger UI drawn",
                () -> !driver.findElements(By.cssSelector(".swagger-ui .info .title"))
                        .isEmpty());
        assertThat(driver.findElement(By.cssSelector(".swagger-ui .info .title"))
                        .getText())
                .startsWith("Carnival API");
        Browser.screenshot(driver, "swagger-ui");
        assertThat(CspViolations.drain(driver)).isEmpty();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
