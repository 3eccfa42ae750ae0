package app.carnival.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What the browser tests do with a page beyond Selenium's own: wait for a form's answer, measure it, save it. */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private Browser() {}

    /** Clicks a button or link that loads another page, and waits until the old page is gone. */
    public static void clickAndWait(ChromeDriver driver, WebElement element) throws InterruptedException {
        WebElement oldPage = driver.findElement(By.tagName("html"));
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
        throw new AssertionError("the click did not load another page: " + driver.getCurrentUrl());
    }

    /** How many CSS pixels the page is wider than the window: above 0, a reader must scroll sideways. */
    public static long horizontalOverflow(ChromeDriver driver) {
        return (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    /**
     * The page's markup as the browser holds it now, for the HTML checker when the served markup
     * cannot be fetched again (the answer to a POST). Scripts may have changed it since it was served.
     */
    public static String source(ChromeDriver driver) {
        return "<!DOCTYPE html>\n" + driver.executeScript("return document.documentElement.outerHTML;");
    }

    /**
     * The page shown passes axe-core at phone and desktop widths, with no sideways scrolling, and is
     * photographed whole at each ({@code name-phone}, {@code name-desktop}); its markup passes the Nu
     * HTML Checker. {@code served} is the markup as served, or null for the answer to a POST, which
     * can not be fetched again: then what the browser holds.
     */
    public static void checkPage(ChromeDriver driver, String name, String served) throws Exception {
        String html = served != null ? served : source(driver);
        assertThat(HtmlChecker.problems(html)).as("Nu HTML Checker on %s", name).isEmpty();
        for (Dimension size : List.of(PHONE, DESKTOP)) {
            String shot = name + (size == PHONE ? "-phone" : "-desktop");
            driver.manage().window().setSize(size);
            assertThat(Axe.violations(driver)).as("axe-core on %s", shot).isEmpty();
            assertThat(horizontalOverflow(driver))
                    .as("no sideways scrolling on %s", shot)
                    .isLessThanOrEqualTo(0);
            fullPageScreenshot(driver, shot, size);
        }
    }

    /** The window as it is, into target/screenshots/{name}.png. */
    public static void screenshot(ChromeDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Grows the window to the page's height for one shot, then restores it to {@code size}. */
    public static void fullPageScreenshot(ChromeDriver driver, String name, Dimension size) throws Exception {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        long chrome = (Long) driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(size.width, (int) (height + chrome)));
        screenshot(driver, name);
        driver.manage().window().setSize(size);
    }
}
