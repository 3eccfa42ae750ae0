package app.carnival.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a fetch result says about itself. */
class FetchResultTest {

    static FetchResult status(int status) {
        return new FetchResult(
                status,
                "http://127.0.0.1/feed",
                null,
                new byte[0],
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null);
    }

    @Test
    void statusLineNamesTheStandardReasonPhrase() {
        assertThat(status(404).statusLine()).isEqualTo("HTTP 404 Not Found");
        assertThat(status(429).statusLine()).isEqualTo("HTTP 429 Too Many Requests");
        assertThat(status(503).statusLine()).isEqualTo("HTTP 503 Service Unavailable");
    }

    @Test
    void statusLineOfAStatusWithoutAPhraseIsTheNumberAlone() {
        assertThat(status(599).statusLine()).isEqualTo("HTTP 599");
        assertThat(status(999).statusLine()).isEqualTo("HTTP 999");
    }
}
