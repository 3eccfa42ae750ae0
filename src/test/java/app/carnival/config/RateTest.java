package app.carnival.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

    @Test
    void aRateIsRequestsPerPeriodAndRefillsOneRequestPerInterval() {
        assertThat(Rate.parse("10/1h")).isEqualTo(new Rate(10, Duration.ofHours(1)));
        assertThat(Rate.parse(" 3 / 15m ")).isEqualTo(new Rate(3, Duration.ofMinutes(15)));
        assertThat(Rate.parse("60/30s").interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(Rate.parse("1/2d").interval()).isEqualTo(Duration.ofDays(2));
        assertThat(Rate.parse("10/1h").interval()).isEqualTo(Duration.ofMinutes(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10/h", "ten/1h", "10/1w", "0/1h", "10/0s", "-1/1h", "10/1H"})
    void anythingElseIsRefusedWithTheFormItShouldHave(String text) {
        assertThatThrownBy(() -> Rate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
