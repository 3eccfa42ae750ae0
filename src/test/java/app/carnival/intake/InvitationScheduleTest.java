package app.carnival.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the watcher looks at an invitation again: while open, at the grace end, a day later, then never. */
class InvitationScheduleTest {

    static final Instant GRACE_END = Instant.parse("2026-12-10T00:00:00Z");
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void everyIntervalWhileOpenAndNotPastTheGraceEnd() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        assertThat(InvitationWatcher.next(now, GRACE_END, 0, TEN_MINUTES)).contains(now.plus(TEN_MINUTES));
        assertThat(InvitationWatcher.next(GRACE_END.minusSeconds(60), GRACE_END, 0, TEN_MINUTES))
                .contains(GRACE_END);
    }

    @Test
    void errorsBackOffUpToSixHours() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(InvitationWatcher.next(now, GRACE_END, 2, TEN_MINUTES)).contains(now.plus(Duration.ofMinutes(40)));
        assertThat(InvitationWatcher.next(now, GRACE_END, 9, TEN_MINUTES)).contains(now.plus(Duration.ofHours(6)));
    }

    @Test
    void onceMoreADayAfterTheGracePeriodThenNever() {
        assertThat(InvitationWatcher.next(GRACE_END, GRACE_END, 0, TEN_MINUTES))
                .contains(GRACE_END.plus(Duration.ofDays(1)));
        assertThat(InvitationWatcher.next(GRACE_END.plus(Duration.ofDays(1)), GRACE_END, 0, TEN_MINUTES))
                .isEmpty();
    }
}
