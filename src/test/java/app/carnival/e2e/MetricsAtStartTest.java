package app.carnival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: the feed gauges are on {@code /q/metrics} from the start, in an application of its own that
 * nothing has asked for its health yet (an operator may scrape before any probe runs).
 */
@QuarkusTest
@TestProfile(MetricsAtStartTest.Fresh.class)
class MetricsAtStartTest {

    /** A profile of its own: a new application, whatever the other test classes did in theirs. */
    public static class Fresh implements QuarkusTestProfile {}

    @Test
    void theFeedGaugesAreScrapedBeforeAnyHealthCheck() {
        assertThat(MetricsTest.scrape())
                .containsKeys(
                        "carnival_feeds{state=\"due\"}",
                        "carnival_feeds{state=\"in-error\"}",
                        "carnival_feeds{state=\"paused\"}",
                        "carnival_poll_lag_seconds");
    }
}
