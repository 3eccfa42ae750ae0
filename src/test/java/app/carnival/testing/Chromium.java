package app.carnival.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium. Both paths are given explicitly, so Selenium Manager never looks for or downloads a
 * browser or driver; a machine without them fails the browser tests with a message saying what to install.
 *
 * <p>A JUnit extension ({@code @RegisterExtension static final Chromium chromium = new Chromium();}): one
 * browser per test class, watching every page for Content-Security-Policy violations
 * ({@link CspViolations}); after each test none may be left that the test did not read.
 */
public final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("carnival-chromium");
        driver = start(profile);
        CspViolations.watch(driver);
    }

    /** Nothing any page of the test showed was refused by the Content-Security-Policy. */
    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(CspViolations.drain(driver))
                .as("refused by the Content-Security-Policy")
                .isEmpty();
    }

    private static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + BINARY
                    + " and "
                    + DRIVER + ": install them with 'apt-get update && apt-get install -y chromium chromium-driver'"
                    + " (.ci/run does this).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        // The console's messages for the tests to read (CspViolations: Chromium reports refusals there).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
