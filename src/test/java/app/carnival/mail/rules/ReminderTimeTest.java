package app.carnival.mail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReminderTimeTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Deadline Friday 15 May 2026, 23:59 in Paris. */
    static final Instant DEADLINE =
            ZonedDateTime.of(2026, 5, 15, 23, 59, 0, 0, PARIS).toInstant();

    static Instant paris(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 5, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void plannedAtNineLocalTimeTheGivenDaysBeforeTheDeadlinesLocalDate() {
        assertThat(ReminderTime.planned(DEADLINE, PARIS, 2)).isEqualTo(paris(13, 9, 0));
        // In Tokyo the deadline is already Saturday 16 May, 06:59: two days before is Thursday 14 May.
        assertThat(ReminderTime.planned(DEADLINE, TOKYO, 2))
                .isEqualTo(ZonedDateTime.of(2026, 5, 14, 9, 0, 0, 0, TOKYO).toInstant());
    }

    @Test
    void dueFromThePlannedMomentUntilTheDeadline() {
        assertThat(ReminderTime.due(paris(13, 8, 59), DEADLINE, PARIS, 2)).isFalse();
        assertThat(ReminderTime.due(paris(13, 9, 0), DEADLINE, PARIS, 2)).isTrue();
        assertThat(ReminderTime.due(paris(14, 15, 0), DEADLINE, PARIS, 2)).isTrue();
        assertThat(ReminderTime.due(DEADLINE, DEADLINE, PARIS, 2)).isFalse();
        assertThat(ReminderTime.due(DEADLINE.plus(Duration.ofDays(1)), DEADLINE, PARIS, 2))
                .isFalse();
    }

    @Test
    void aLateRegistrationAtNightWaitsForTheMorningWhenTheMorningIsBeforeTheDeadline() {
        // Registered on the 13th at 23:30 Paris time, after the planned 09:00: not at night...
        assertThat(ReminderTime.due(paris(13, 23, 30), DEADLINE, PARIS, 2)).isFalse();
        assertThat(ReminderTime.due(paris(14, 3, 0), DEADLINE, PARIS, 2)).isFalse();
        // ...but from 08:00 the next day.
        assertThat(ReminderTime.due(paris(14, 8, 0), DEADLINE, PARIS, 2)).isTrue();
    }

    @Test
    void atNightRightAwayWhenTheNextMorningIsTooLate() {
        Instant deadline = paris(15, 6, 0);
        assertThat(ReminderTime.due(paris(15, 2, 0), deadline, PARIS, 2)).isTrue();
    }

    @Test
    void zeroDaysOnTheDeadlinesDayAndNeverAfterIt() {
        assertThat(ReminderTime.planned(DEADLINE, PARIS, 0)).isEqualTo(paris(15, 9, 0));
        Instant midnight = paris(15, 0, 0);
        assertThat(ReminderTime.planned(midnight, PARIS, 0)).isEqualTo(paris(14, 12, 0));
        assertThat(ReminderTime.due(paris(14, 12, 0), midnight, PARIS, 0)).isTrue();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Duration base = Duration.ofMinutes(1);
        Duration cap = Duration.ofHours(1);
        assertThat(Backoff.after(1, base, cap)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(3, base, cap)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Backoff.after(7, base, cap)).isEqualTo(cap);
        assertThat(Backoff.after(500, base, cap)).isEqualTo(cap);
    }
}
