package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollerReadinessTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final Duration SILENCE = Duration.ofMinutes(2);
    static final Duration LAG = Duration.ofMinutes(30);

    static Optional<String> problem(Optional<Instant> progress, Duration lag) {
        return PollerReadiness.problem(NOW, progress, lag, SILENCE, LAG);
    }

    @Test
    void aSchedulerThatFinishedSomethingLatelyAndKeepsUpIsReady() {
        assertThat(problem(Optional.of(NOW.minusSeconds(119)), Duration.ofMinutes(29)))
                .isEmpty();
    }

    @Test
    void aSchedulerSilentForLongerThanTheBoundIsNotReady() {
        assertThat(problem(Optional.of(NOW.minusSeconds(121)), Duration.ZERO))
                .contains("the scheduler finished nothing for 121 s (bound 120 s)");
    }

    @Test
    void aLagPastTheBoundIsNotReady() {
        assertThat(problem(Optional.of(NOW), Duration.ofMinutes(31)))
                .contains("the oldest due feed is 1860 s overdue (bound 1800 s)");
    }

    @Test
    void anInstanceWithoutASchedulerIsReadyWhateverTheLag() {
        assertThat(problem(Optional.empty(), Duration.ofDays(9000))).isEmpty();
    }
}
