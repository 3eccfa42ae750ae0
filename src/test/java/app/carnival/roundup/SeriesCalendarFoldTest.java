package app.carnival.roundup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Content lines are folded at 75 octets, never inside a character. */
class SeriesCalendarFoldTest {

    @Test
    void longLinesFoldAt75OctetsBetweenCodePointsAndUnfoldToTheSame() {
        for (String value : new String[] {"x".repeat(200), "é".repeat(100), "🎉".repeat(60), "a" + "🎉".repeat(60)}) {
            String unfolded = "SUMMARY:" + value + "\r\nUID:1\r\n";
            String folded = SeriesCalendar.fold(unfolded);
            assertThat(folded).endsWith("\r\nUID:1\r\n");
            for (String line : folded.split("\r\n")) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                        .as(line)
                        .isLessThanOrEqualTo(75);
                assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                        .as("no half of a surrogate pair")
                        .isEqualTo(line);
            }
            assertThat(folded.replace("\r\n ", "")).isEqualTo(unfolded);
        }
    }
}
