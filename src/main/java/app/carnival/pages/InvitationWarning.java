package app.carnival.pages;

import app.carnival.series.Assignment;
import java.time.Duration;
import java.time.Instant;

/**
 * The dashboard's warning about an upcoming assignment whose invitation is still missing a week
 * before it opens (T-SQL Tuesday's rule: a host whose invitation is not live a week before loses the month).
 */
final class InvitationWarning {

    static final Duration AHEAD = Duration.ofDays(7);

    private InvitationWarning() {}

    static boolean applies(Assignment a, Instant now) {
        return a.invitationUrl == null && a.opensAt.isAfter(now) && !a.opensAt.isAfter(now.plus(AHEAD));
    }

    static String text(Assignment a, Instant now) {
        return "#" + a.number + (a.guestHostName == null ? "" : " (hosted by " + a.guestHostName + ")") + " opens "
                + Times.relative(now, a.opensAt) + " and has no invitation yet: add its title and invitation"
                + " address, or it opens without a topic and link-backs cannot match.";
    }
}
