package app.carnival.hosting;

import app.carnival.errors.Forbidden;
import app.carnival.matching.MatchRule;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRequest;
import app.carnival.series.AssignmentService;
import java.util.Objects;

/**
 * What a guest host may not change in their assignment: its number, match rule, hashtag and who
 * hosts it stay the series host's decisions (the rest — topic, invitation, questions, intro, window — is theirs).
 */
final class GuestHostLimits {

    private GuestHostLimits() {}

    static void check(Assignment a, AssignmentRequest request) {
        AssignmentRequest current = AssignmentService.current(a);
        refuseChange("number", current.number(), request.number() == null ? current.number() : request.number());
        refuseChange(
                "match rule",
                current.matchRule(),
                Objects.requireNonNullElse(request.matchRule(), MatchRule.LINK_OR_TAG));
        refuseChange("hashtag", current.hashtag(), AssignmentService.hashtagOverride(request.hashtag()));
        refuseChange("guest host", current.guestHost(), request.guestHost());
    }

    private static void refuseChange(String what, Object current, Object requested) {
        if (!Objects.equals(current, requested)) {
            throw new Forbidden("Only the series' host can change the " + what + " of an assignment.");
        }
    }
}
