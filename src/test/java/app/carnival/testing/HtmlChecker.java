package app.carnival.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.xml.sax.SAXException;

/**
 * The Nu HTML Checker (vnu, the W3C's validator), run in process on a page's markup: its schemas
 * come from its own jar, nothing is fetched.
 */
public final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlChecker() {}

    /** What the checker reports as errors or warnings, one line each ("line 12: message"); empty when the page is valid. */
    public static List<String> problems(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> problems = new ArrayList<>();
            for (JsonNode m : JSON.readTree(report).path("messages")) {
                // "info" messages are notes, except those the checker marks as warnings.
                if (m.path("type").asText().equals("info")
                        && !m.path("subType").asText().equals("warning")) {
                    continue;
                }
                problems.add("line " + m.path("lastLine").asText("?") + ": "
                        + m.path("message").asText() + " [" + m.path("extract").asText("") + "]");
            }
            return problems;
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("the HTML checker failed", e);
        }
    }
}
