package app.carnival.feed.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.store.ClaimedFeed;
import app.carnival.testing.TestConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollScheduleTest {

    static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");
    final PollSchedule schedule = new PollSchedule(TestConfig.carnival(Map.of()).poll(), new Random(42));

    static ClaimedFeed feed(Duration postingInterval, Instant openUntil) {
        return new ClaimedFeed(
                1, "https://example.org/feed", null, null, null, 0, postingInterval, openUntil, null, null);
    }

    static Duration after(PollSchedule s, ClaimedFeed f, Duration hint) {
        return Duration.between(NOW, s.afterSuccess(NOW, f.postingInterval(), f.openUntil(), hint));
    }

    static void assertAbout(Duration actual, Duration expected) {
        assertThat(actual.toMillis()).isBetween((long) (expected.toMillis() * 0.9), (long) (expected.toMillis() * 1.1));
    }

    @Test
    void aFeedWithUnknownRhythmWaitsTheDefaultIntervalWithinTheJitter() {
        for (int i = 0; i < 200; i++) {
            assertAbout(after(schedule, feed(null, null), null), Duration.ofMinutes(30));
        }
    }

    @Test
    void theLongerHintCountsAndNoneIsNull() {
        Duration hour = Duration.ofHours(1);
        Duration twoHours = Duration.ofHours(2);
        assertThat(PollSchedule.longer(hour, twoHours)).isEqualTo(twoHours);
        assertThat(PollSchedule.longer(twoHours, hour)).isEqualTo(twoHours);
        assertThat(PollSchedule.longer(null, hour)).isEqualTo(hour);
        assertThat(PollSchedule.longer(hour, null)).isEqualTo(hour);
        assertThat(PollSchedule.longer(null, null)).isNull();
    }

    @Test
    void jitterSpreadsFeedsThatWereDueTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> schedule.afterSuccess(NOW, null, null, null))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }

    @ParameterizedTest(name = "posting every {0} min -> poll every ~{1} min")
    @CsvSource({"4, 5", "60, 15", "240, 60", "1440, 240", "43200, 240"})
    void theIntervalFollowsThePostingRhythmWithinBounds(long postingMinutes, long pollMinutes) {
        assertAbout(
                after(schedule, feed(Duration.ofMinutes(postingMinutes), null), null), Duration.ofMinutes(pollMinutes));
    }

    @Test
    void anOpenAssignmentTightensTheIntervalAndItsDeadlineTightensItMost() {
        Duration monthly = Duration.ofDays(30);
        assertAbout(after(schedule, feed(monthly, NOW.plus(Duration.ofDays(10))), null), Duration.ofMinutes(10));
        assertAbout(after(schedule, feed(monthly, NOW.plus(Duration.ofHours(20))), null), Duration.ofMinutes(5));
    }

    @Test
    void cacheControlAndRetryAfterAreHonouredUpToTheMaximum() {
        assertAbout(after(schedule, feed(null, null), Duration.ofHours(2)), Duration.ofHours(2));
        assertAbout(after(schedule, feed(null, null), Duration.ofDays(3)), Duration.ofHours(4));
        assertAbout(after(schedule, feed(null, null), Duration.ofMinutes(1)), Duration.ofMinutes(30));
    }

    @ParameterizedTest(name = "error #{0} waits about {1} minutes")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "8, 128", "10, 512", "11, 720", "50, 720", "1000, 720"})
    void failuresBackOffExponentiallyUpToTheCapAndNeverStop(int errors, long minutes) {
        assertAbout(Duration.between(NOW, schedule.afterFailure(NOW, errors, null)), Duration.ofMinutes(minutes));
    }

    @Test
    void retryAfterIsHonouredWhenLongerAndCappedWhenAbsurd() {
        assertThat(schedule.afterFailure(NOW, 1, Duration.ofHours(2))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.afterFailure(NOW, 1, Duration.ofDays(30))).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(Duration.between(NOW, schedule.afterFailure(NOW, 5, Duration.ofSeconds(5))))
                .isGreaterThan(Duration.ofMinutes(14));
    }

    @Test
    void postingIntervalIsTheMedianGap() {
        Instant t = NOW;
        assertThat(PollSchedule.postingInterval(
                        List.of(t, t.plusSeconds(3600), t.plusSeconds(7200), t.plusSeconds(90_000))))
                .isEqualTo(Duration.ofHours(1));
        assertThat(PollSchedule.postingInterval(List.of(t))).isNull();
        assertThat(PollSchedule.postingInterval(List.of())).isNull();
    }

    @Test
    void aFeedWhoseHubPushesIsPolledAsASafetyNetUntilItsLeaseEnds() {
        Instant usual = NOW.plus(Duration.ofMinutes(10)); // an open assignment
        Duration safety = Duration.ofHours(6);
        // Relaxed, but no longer than the maximum interval (4h).
        assertAbout(
                Duration.between(NOW, schedule.whilePushed(NOW, usual, safety, NOW.plus(Duration.ofDays(7)))),
                Duration.ofHours(4));
        assertAbout(
                Duration.between(
                        NOW, schedule.whilePushed(NOW, usual, Duration.ofHours(1), NOW.plus(Duration.ofDays(7)))),
                Duration.ofHours(1));
        // The lease ends first: polled when it does.
        Instant leaseEnd = NOW.plus(Duration.ofHours(1));
        assertThat(schedule.whilePushed(NOW, usual, safety, leaseEnd)).isEqualTo(leaseEnd);
        // Never sooner than the usual schedule.
        Instant late = NOW.plus(Duration.ofHours(12));
        assertThat(schedule.whilePushed(NOW, late, safety, NOW.plus(Duration.ofMinutes(1))))
                .isEqualTo(late);
    }
}
