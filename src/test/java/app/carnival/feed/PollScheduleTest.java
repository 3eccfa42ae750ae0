package app.carnival.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollScheduleTest {

    static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");
    final PollSchedule schedule = new PollSchedule(Duration.ofMinutes(30), 0.1, Duration.ofMinutes(1), Duration.ofHours(12), new Random(42));

    @Test
    void successWaitsTheIntervalWithinTheJitter() {
        for (int i = 0; i < 200; i++) {
            Duration d = Duration.between(NOW, schedule.afterSuccess(NOW, null));
            assertThat(d).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33));
        }
    }

    @Test
    void jitterSpreadsFeedsThatWereDueTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.afterSuccess(NOW, null)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @ParameterizedTest(name = "error #{0} waits about {1} minutes")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "8, 128", "10, 512", "11, 720", "50, 720", "1000, 720"})
    void failuresBackOffExponentiallyUpToTheCapAndNeverStop(int errors, long minutes) {
        Duration d = Duration.between(NOW, schedule.afterFailure(NOW, errors, null));
        Duration expected = Duration.ofMinutes(minutes);
        assertThat(d.toMillis()).isBetween((long) (expected.toMillis() * 0.9), (long) (expected.toMillis() * 1.1));
    }

    @Test
    void retryAfterIsHonouredWhenLongerAndCappedWhenAbsurd() {
        assertThat(schedule.afterFailure(NOW, 1, Duration.ofHours(2))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.afterFailure(NOW, 1, Duration.ofDays(30))).isEqualTo(NOW.plus(Duration.ofHours(12)));
        // A Retry-After shorter than the back-off does not shorten it.
        assertThat(Duration.between(NOW, schedule.afterFailure(NOW, 5, Duration.ofSeconds(5)))).isGreaterThan(Duration.ofMinutes(14));
        assertThat(Duration.between(NOW, schedule.afterSuccess(NOW, Duration.ofHours(3)))).isGreaterThan(Duration.ofMinutes(160));
    }
}
