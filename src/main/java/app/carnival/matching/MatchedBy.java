package app.carnival.matching;

import java.util.ArrayList;
import java.util.List;

/** Evidence a response was matched by; the API lists {@code LINK}, {@code TAG}, both, or none (added by hand). */
public enum MatchedBy {
    LINK,
    TAG;

    /** The evidence that made a matched decision count under the rule; empty when it did not match. */
    public static List<MatchedBy> counted(MatchDecision decision, MatchRule rule) {
        return decision.matched()
                ? of(decision.byLink() && rule.usesLink(), decision.byTag() && rule.usesTag())
                : List.of();
    }

    public static List<MatchedBy> of(boolean byLink, boolean byTag) {
        List<MatchedBy> by = new ArrayList<>(2);
        if (byLink) {
            by.add(LINK);
        }
        if (byTag) {
            by.add(TAG);
        }
        return List.copyOf(by);
    }
}
