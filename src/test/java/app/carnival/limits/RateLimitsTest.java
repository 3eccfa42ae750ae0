package app.carnival.limits;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.config.Rate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wait GCRA gives: the stored arrival time pushed one interval on must fit within a period of now. */
class RateLimitsTest {

    static final Rate THREE_AN_HOUR = new Rate(3, Duration.ofHours(1));
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aClientThatUsedItsWholeAllowanceWaitsOneInterval() {
        // Three requests at NOW put the arrival time a full period ahead.
        assertThat(RateLimits.waitAfter(NOW.plus(Duration.ofHours(1)), THREE_AN_HOUR, NOW))
                .contains(Duration.ofMinutes(20));
    }

    @Test
    void aClientWithRoomLeftDoesNotWait() {
        assertThat(RateLimits.waitAfter(NOW.plus(Duration.ofMinutes(40)), THREE_AN_HOUR, NOW))
                .isEmpty();
        assertThat(RateLimits.waitAfter(NOW.minus(Duration.ofDays(1)), THREE_AN_HOUR, NOW))
                .isEmpty();
    }

    @Test
    void theWaitShrinksAsTimePasses() {
        Instant tat = NOW.plus(Duration.ofHours(1));
        assertThat(RateLimits.waitAfter(tat, THREE_AN_HOUR, NOW.plus(Duration.ofMinutes(15))))
                .contains(Duration.ofMinutes(5));
        assertThat(RateLimits.waitAfter(tat, THREE_AN_HOUR, NOW.plus(Duration.ofMinutes(20))))
                .isEmpty();
    }

    @Test
    void theRefusalSaysHowLongInWholeSecondsRoundedUp() {
        assertThat(RateLimits.refusal(Limit.REGISTRATION, Duration.ofMillis(1_200))
                        .getMessage())
                .isEqualTo("Too many registrations from your address: try again in 2 s.");
        assertThat(RateLimits.refusal(Limit.REGISTRATION, Duration.ofMillis(1_200))
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(2));
    }
}
