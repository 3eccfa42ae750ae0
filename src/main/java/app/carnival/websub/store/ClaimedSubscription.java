package app.carnival.websub.store;

import app.carnival.websub.rules.SubscriptionState;
import java.util.UUID;

/**
 * A subscription reserved by this instance's worker, with what its request needs.
 *
 * @param feedId null when the feed is gone or announces another hub or topic (to unsubscribe)
 */
public record ClaimedSubscription(
        long id,
        UUID claim,
        Long feedId,
        String hubUrl,
        String topicUrl,
        String callbackToken,
        String secret,
        SubscriptionState state,
        int attempts) {

    public boolean orphaned() {
        return feedId == null;
    }
}
