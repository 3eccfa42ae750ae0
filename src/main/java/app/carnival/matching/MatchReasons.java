package app.carnival.matching;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Words the {@link Matcher} uses to explain a decision to hosts and participants. */
final class MatchReasons {

    private final AssignmentCriteria assignment;
    private final Matcher.Evidence evidence;

    MatchReasons(AssignmentCriteria assignment, Matcher.Evidence evidence) {
        this.assignment = assignment;
        this.evidence = evidence;
    }

    String isInvitation() {
        return "this is the invitation post itself";
    }

    String noPublicationDate() {
        return "no publication date";
    }

    String beforeWindow() {
        return "published before the assignment opened (" + format(assignment.opensAt()) + ")";
    }

    String afterWindow() {
        return assignment.graceMinutes() > 0
                ? "published after the grace period ended (" + format(assignment.graceEndsAt()) + ")"
                : "published after the assignment closed (" + format(assignment.closesAt()) + ")";
    }

    /** Names the evidence the rule counted. */
    String matched(boolean late) {
        MatchRule rule = assignment.rule();
        List<String> found = new ArrayList<>();
        if (evidence.byLink() && rule.usesLink()) {
            found.add(evidence.pageOnly() ? "links to the invitation (on the post's page)" : "links to the invitation");
        }
        if (evidence.byTag() && rule.usesTag()) {
            found.add(tagged());
        }
        String reason = String.join(" and ", found);
        return late ? reason + "; late (after " + format(assignment.closesAt()) + ", within the grace period)" : reason;
    }

    /** Names what the rule lacked and, if the post had other evidence, that it was not enough. */
    String ruleNotSatisfied() {
        MatchRule rule = assignment.rule();
        List<String> missing = new ArrayList<>();
        if (rule.usesLink() && !evidence.byLink()) {
            missing.add(
                    !assignment.hasInvitation()
                            ? "no invitation yet (a link-back cannot match until the host publishes it)"
                            : evidence.pageUnseen()
                                    ? "no link to the invitation in the feed summary"
                                    : "no link to the invitation");
        }
        if (rule.usesTag() && !evidence.byTag()) {
            missing.add("no #" + assignment.hashtag() + " tag in title, text or categories");
        }
        List<String> found = new ArrayList<>();
        if (evidence.byLink()) {
            found.add("links to the invitation");
        }
        if (evidence.byTag()) {
            found.add(tagged());
        }
        String lacking = String.join(" and ", missing);
        return found.isEmpty() ? lacking : String.join(" and ", found) + " but has " + lacking + " (rule " + rule + ")";
    }

    private String tagged() {
        return "tags #" + assignment.hashtag();
    }

    private static String format(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }
}
