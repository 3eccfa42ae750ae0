package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

    static final Instant NOW = Instant.parse("2024-05-10T12:00:00Z");

    @Test
    void relativeTimesUseTheTwoLargestUnitsRoundedDown() {
        assertThat(Times.relative(NOW, NOW.plus(Duration.ofDays(3).plusHours(5).plusMinutes(59))))
                .isEqualTo("in 3 days, 5 hours");
        assertThat(Times.relative(NOW, NOW.plus(Duration.ofDays(2).plusMinutes(5))))
                .isEqualTo("in 2 days");
        assertThat(Times.relative(NOW, NOW.plus(Duration.ofMinutes(61)))).isEqualTo("in 1 hour, 1 minute");
        assertThat(Times.relative(NOW, NOW.minus(Duration.ofDays(1)))).isEqualTo("1 day ago");
        assertThat(Times.relative(NOW, NOW.plusSeconds(59))).isEqualTo("now");
    }

    @Test
    void machineTimesHaveWholeSecondsAsHtmlDatetimeAttributesRequire() {
        assertThat(Times.machine(Instant.parse("2024-05-03T10:00:27.083030Z"))).isEqualTo("2024-05-03T10:00:27Z");
        assertThat(Times.machine(OffsetDateTime.parse("2024-05-03T12:00:27.083030+02:00")))
                .isEqualTo("2024-05-03T12:00:27+02:00");
    }

    @Test
    void datesAreShownInTheGivenZone() {
        assertThat(Times.format(Instant.parse("2024-05-14T22:00:00Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("Wed 15 May 2024, 00:00 (Europe/Paris)");
        assertThat(Times.day(Instant.parse("2024-05-14T22:00:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo("14 May 2024");
        assertThat(Times.format(null, ZoneId.of("UTC"))).isEqualTo("never");
    }
}
