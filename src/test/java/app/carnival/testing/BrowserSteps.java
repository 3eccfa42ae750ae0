package app.carnival.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the browser tests do with a page besides reading it: load another one, measure it, photograph it. */
public final class BrowserSteps {

    /** Where screenshots land. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private BrowserSteps() {}

    /** Clicks a button or link that loads another page, and waits until the old page is gone. */
    public static void clickAndWait(ChromeDriver browser, WebElement element) throws InterruptedException {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        element.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                oldPage.isDisplayed();
            } catch (StaleElementReferenceException gone) {
                return;
            } catch (WebDriverException e) {
                // Chromium may say so in its own words while it swaps the documents.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return;
                }
                throw e;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the click did not load another page: " + browser.getCurrentUrl());
    }

    /** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
    public static long horizontalOverflow(ChromeDriver browser) {
        return (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /** Grows the window to the page's height for one shot, then restores it. */
    public static void fullPageScreenshot(ChromeDriver browser, String name, Dimension size) throws Exception {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        long chrome = (Long) browser.executeScript("return window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(size.width, (int) (height + chrome)));
        screenshot(browser, name);
        browser.manage().window().setSize(size);
    }

    public static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
