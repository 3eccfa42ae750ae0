package app.carnival.history;

import java.util.Comparator;
import java.util.List;

/**
 * A participant's streaks of consecutive assignments answered. Pure: no framework, no database.
 *
 * <p>The definition:
 *
 * <ul>
 *   <li>Only the series' assignments that have <em>opened</em> count (upcoming ones are left out, even if a response
 *       somehow exists). They are taken in order of their number; "consecutive" means next to each other in that
 *       order, so a number the series never used (1, 2, 4) is no gap, and an opened assignment left unanswered is.
 *   <li>The <b>longest streak</b> is the longest run of answered assignments in that order (the current one
 *       included).
 *   <li>An assignment that still takes entries (open, or in its grace period) and is not answered yet is skipped:
 *       it neither breaks nor extends a streak, since the participant may still answer it. Answered, it counts.
 *   <li>The <b>current streak</b> counts back from the most recent opened assignment (closed, in its grace period
 *       or open) and stops at the first one, going back, that closed unanswered.
 *   <li>No responses: both streaks are 0.
 * </ul>
 */
public final class Streaks {

    /** One opened assignment: its number, whether it still takes entries, whether the participant answered it. */
    public record Slot(int number, boolean takesEntries, boolean answered) {}

    /** The result: {@code current} ≤ {@code longest}. */
    public record Result(int current, int longest) {}

    private Streaks() {}

    public static Result of(List<Slot> opened) {
        List<Slot> slots =
                opened.stream().sorted(Comparator.comparingInt(Slot::number)).toList();
        int longest = 0;
        int run = 0;
        for (Slot slot : slots) {
            if (slot.answered()) {
                run++;
                longest = Math.max(longest, run);
            } else if (!slot.takesEntries()) {
                run = 0;
            } // else still taking entries and not answered yet: the participant may still write
        }
        return new Result(run, longest);
    }
}
