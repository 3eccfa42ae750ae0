package app.carnival.roundup;

import app.carnival.series.AssignmentView;
import java.util.Arrays;
import java.util.List;

/** The words every export starts with: the host's intro, or a default naming the assignment. */
public final class RoundupIntro {

    private RoundupIntro() {}

    /** The intro's paragraphs (separated by blank lines), or one default sentence. */
    static List<String> paragraphs(AssignmentView assignment) {
        String intro = assignment.roundupIntro() == null
                ? ""
                : assignment.roundupIntro().strip();
        if (intro.isEmpty()) {
            return List.of(
                    assignment.title() == null
                            ? "Here are the responses to assignment " + assignment.number() + "."
                            : "Here are the responses to \"" + assignment.title() + "\".");
        }
        return split(intro);
    }

    /** A host's intro as paragraphs (separated by blank lines), as the exports and the assignment page show it; none when blank. */
    public static List<String> split(String intro) {
        if (intro == null) {
            return List.of();
        }
        return Arrays.stream(intro.strip().split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    static String titleOf(RoundupView.Entry e) {
        return e.title() == null || e.title().isBlank() ? "(untitled)" : e.title();
    }
}
