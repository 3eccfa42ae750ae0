package app.carnival.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.history.Streaks.Result;
import app.carnival.history.Streaks.Slot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreaksTest {

    /** Closed assignments 1..n, answered where the pattern has an 'x'; 'o' is open and answered, '.' open and not. */
    private static List<Slot> slots(String pattern) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            slots.add(new Slot(i + 1, c == 'o' || c == '.', c == 'x' || c == 'o'));
        }
        return slots;
    }

    @Test
    void noAssignmentsNoStreaks() {
        assertThat(Streaks.of(List.of())).isEqualTo(new Result(0, 0));
    }

    @Test
    void noResponsesNoStreaks() {
        assertThat(Streaks.of(slots("---"))).isEqualTo(new Result(0, 0));
    }

    @Test
    void everyAssignmentAnswered() {
        assertThat(Streaks.of(slots("xxxx"))).isEqualTo(new Result(4, 4));
    }

    @Test
    void aGapBreaksTheCurrentStreak() {
        // answered 1, 2 and 4 of 5, all closed: the 5th was missed
        assertThat(Streaks.of(slots("xx-x-"))).isEqualTo(new Result(0, 2));
        assertThat(Streaks.of(slots("xx-x"))).isEqualTo(new Result(1, 2));
        assertThat(Streaks.of(slots("x-xxx"))).isEqualTo(new Result(3, 3));
    }

    @Test
    void anOpenAssignmentNotYetAnsweredDoesNotBreakTheCurrentStreak() {
        assertThat(Streaks.of(slots("xxx."))).isEqualTo(new Result(3, 3));
        // two open at once (overlapping windows), neither answered yet
        assertThat(Streaks.of(slots("xx.."))).isEqualTo(new Result(2, 2));
        // answered 1, 2 and 4 of 5 with the 5th still open: the missed 3rd ends the current streak at 1
        assertThat(Streaks.of(slots("xx-x."))).isEqualTo(new Result(1, 2));
    }

    @Test
    void anOpenAssignmentAnsweredCounts() {
        assertThat(Streaks.of(slots("-xxo"))).isEqualTo(new Result(3, 3));
    }

    @Test
    void anOpenUnansweredAssignmentBeforeAnAnsweredOneIsNoGapYet() {
        // the 3rd is still open (a long window) and not answered, the 4th already is: the 3rd may still be answered
        assertThat(Streaks.of(slots("xx.o"))).isEqualTo(new Result(3, 3));
    }

    @Test
    void numbersTheSeriesNeverUsedAreNoGap() {
        List<Slot> slots = List.of(new Slot(7, false, true), new Slot(1, false, true), new Slot(3, false, true));
        assertThat(Streaks.of(slots)).isEqualTo(new Result(3, 3));
    }

    @Test
    void onlyAnOpenUnansweredAssignment() {
        assertThat(Streaks.of(slots("."))).isEqualTo(new Result(0, 0));
    }

    @Test
    void theLongestStreakMayLieInThePast() {
        assertThat(Streaks.of(slots("xxxx-x-xx"))).isEqualTo(new Result(2, 4));
    }
}
