package app.carnival.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility rules) run in the page the browser shows, with its WCAG 2.1 A and
 * AA rules and its best practices. The script comes from the axe-core jar; nothing is fetched.
 */
public final class Axe {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    /**
     * Rules axe-core still calls experimental, so leaves out of the tags above, asked for by name:
     * WCAG 2.5.3 "label in name" (level A; a button's accessible name must contain its visible text).
     */
    private static final List<String> EXPERIMENTAL = List.of("label-content-name-mismatch");

    private Axe() {}

    /** Each violation as "rule-id: help, at target: html"; empty when the page passes. */
    public static List<String> violations(WebDriver driver) {
        Results results =
                new AxeBuilder().withTags(TAGS).withRules(EXPERIMENTAL).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .flatMap(rule -> rule.getNodes().stream()
                        .map(node -> rule.getId() + ": " + rule.getHelp() + ", at " + node.getTarget() + ": "
                                + node.getHtml()))
                .toList();
    }
}
