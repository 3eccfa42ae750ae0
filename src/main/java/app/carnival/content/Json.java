package app.carnival.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON that pages and blog APIs publish, read leniently; what cannot be read is no data, never an error. */
final class Json {

    /** Hand-written JSON-LD often has raw line breaks in strings and trailing commas. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private Json() {}

    /** The JSON value the text holds, or null when it holds none (blank, malformed, too deep). */
    static JsonNode readOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The node's text when it is a JSON string, else null. */
    static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? node.asText().strip()
                : null;
    }
}
