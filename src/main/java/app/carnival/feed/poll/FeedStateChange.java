package app.carnival.feed.poll;

import app.carnival.feed.store.ClaimedFeed;
import java.util.Optional;

/**
 * The log line a poll deserves: one when a feed starts failing (or is paused) and one when it works
 * again, none for the polls in between, so a feed that fails for a week does not fill the log.
 */
public record FeedStateChange(boolean problem, String message) {

    /** What changed between the feed as claimed and the poll's outcome, if anything worth a line. */
    public static Optional<FeedStateChange> of(ClaimedFeed before, PollOutcome after) {
        boolean wasFailing = before.errorCount() > 0;
        boolean failing = after.result() == PollResult.ERROR || after.result() == PollResult.PAUSED;
        String feed = "Feed " + before.id() + " (" + before.url() + ")";
        if (!wasFailing && failing) {
            // A pause's reason says so itself ("paused: the server says the feed is gone for good").
            String what = after.result() == PollResult.PAUSED ? " is " : " started failing: ";
            return Optional.of(new FeedStateChange(true, feed + what + after.error()));
        }
        if (wasFailing && !failing) {
            return Optional.of(new FeedStateChange(
                    false, feed + " works again after " + plural(before.errorCount(), "failed poll")));
        }
        return Optional.empty();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
