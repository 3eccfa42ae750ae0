package app.carnival.matching;

import java.util.ArrayList;
import java.util.List;

/** The evidence a response was matched by, as the API lists it: {@code LINK}, {@code TAG}, both, or none (added by hand). */
public final class MatchedBy {

    private MatchedBy() {
    }

    /** The evidence that made a matched decision count under the rule; empty when it did not match. */
    public static List<String> of(MatchDecision decision, MatchRule rule) {
        return decision.matched()
                ? of(decision.byLink() && rule.usesLink(), decision.byTag() && rule.usesTag())
                : List.of();
    }

    public static List<String> of(boolean byLink, boolean byTag) {
        List<String> by = new ArrayList<>(2);
        if (byLink) {
            by.add("LINK");
        }
        if (byTag) {
            by.add("TAG");
        }
        return List.copyOf(by);
    }
}
