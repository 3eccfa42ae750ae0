package app.carnival.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What the browser refused under a Content-Security-Policy: the {@code securitypolicyviolation} events of
 * every document (a listener DevTools adds before the page's own scripts run, which the page's policy
 * cannot block), kept in the tab's sessionStorage so that a page which goes on to another keeps them;
 * and Chromium's console messages about the policy (a refused frame, among others), which cover every
 * origin.
 */
public final class CspViolations {

    private static final String KEY = "carnival-csp-violations";

    private static final String LISTENER = """
            document.addEventListener('securitypolicyviolation', function (e) {
              try {
                var seen = JSON.parse(sessionStorage.getItem('%1$s') || '[]');
                seen.push(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI
                    + (e.sample ? ': ' + e.sample : ''));
                sessionStorage.setItem('%1$s', JSON.stringify(seen));
              } catch (noStorage) {}
            }, true);
            """.formatted(KEY);

    private CspViolations() {}

    /** From now on, every document the browser loads records its violations. */
    public static void watch(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    /**
     * The violations recorded on the current page's origin and the console's messages about a policy since
     * the last call, each once: both are emptied.
     */
    @SuppressWarnings("unchecked")
    public static List<String> drain(ChromeDriver driver) {
        // A page without storage of its own (about:blank, an error page) has nothing recorded either.
        List<String> found = new ArrayList<>((List<String>) driver.executeScript("try {"
                + " var seen = sessionStorage.getItem('" + KEY + "'); sessionStorage.removeItem('" + KEY + "');"
                + " return JSON.parse(seen || '[]');"
                + " } catch (noStorage) { return []; }"));
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                found.add("console: " + entry.getMessage());
            }
        }
        return found;
    }
}
