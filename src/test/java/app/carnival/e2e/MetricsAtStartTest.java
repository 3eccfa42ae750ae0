package app.carnival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: the feed gauges and the counters are on {@code /q/metrics} from the start, in an application of
 * its own that nothing has polled or asked for its health yet (an operator may scrape before any probe runs).
 */
@QuarkusTest
@TestProfile(MetricsAtStartTest.Fresh.class)
class MetricsAtStartTest {

    /** A profile of its own: a new application, whatever the other test classes did in theirs. */
    public static class Fresh implements QuarkusTestProfile {}

    @Test
    void theFeedGaugesAndEveryCounterAreScrapedBeforeAnyHealthCheckOrEvent() {
        Map<String, Double> scraped = MetricsTest.scrape();
        assertThat(scraped)
                .containsKeys(
                        "carnival_feeds{state=\"due\"}",
                        "carnival_feeds{state=\"in-error\"}",
                        "carnival_feeds{state=\"paused\"}",
                        "carnival_poll_lag_seconds");
        // Counted from zero, so that a rate over each exists before it first happens.
        assertThat(scraped)
                .containsAllEntriesOf(Map.ofEntries(
                        Map.entry("carnival_polls_total{result=\"updated\"}", 0.0),
                        Map.entry("carnival_polls_total{result=\"not-modified\"}", 0.0),
                        Map.entry("carnival_polls_total{result=\"error\"}", 0.0),
                        Map.entry("carnival_polls_total{result=\"paused\"}", 0.0),
                        Map.entry("carnival_fetch_seconds_count", 0.0),
                        Map.entry("carnival_parse_seconds_count", 0.0),
                        Map.entry("carnival_record_seconds_count", 0.0),
                        Map.entry("carnival_webmentions_received_total{outcome=\"queued\"}", 0.0),
                        Map.entry("carnival_webmentions_received_total{outcome=\"refused\"}", 0.0),
                        Map.entry("carnival_webmentions_received_total{outcome=\"rate-limited\"}", 0.0),
                        Map.entry("carnival_websub_pushes_total{outcome=\"accepted\"}", 0.0),
                        Map.entry("carnival_websub_pushes_total{outcome=\"bad_signature\"}", 0.0)))
                .doesNotContainKey("carnival_polls_total{result=\"busy\"}");
    }
}
