package app.carnival.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker the page tests rely on finds what is wrong, and passes what is right. */
class HtmlCheckerTest {

    static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>T</title></head>"
            + "<body>%s</body></html>";

    @Test
    void aValidPageHasNoProblems() {
        assertThat(HtmlChecker.problems(PAGE.formatted("<ul><li><a href=\"/x\" rel=\"nofollow ugc\">x</a></li></ul>")))
                .isEmpty();
    }

    @Test
    void misplacedElementsAndBadAttributesAreReported() {
        assertThat(HtmlChecker.problems(
                        PAGE.formatted("<ul><div>x</div></ul><time datetime=\"2024-05-03T10:00:00.083030Z\">y</time>")))
                .anyMatch(p -> p.contains("div"))
                .anyMatch(p -> p.contains("datetime"));
        assertThat(HtmlChecker.problems("<html><body><p>no doctype, no title</p></body></html>"))
                .isNotEmpty();
    }
}
