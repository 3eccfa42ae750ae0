package app.carnival.websub.rules;

/** What the worker does with a subscription that is due. */
public enum Step {
    /** Send {@code hub.mode=subscribe}: a new subscription, a request that was never verified, a renewal, a retry. */
    SUBSCRIBE,
    /** Send {@code hub.mode=unsubscribe}: no feed wants it any more. */
    UNSUBSCRIBE,
    /** Delete the row without telling the hub: it holds no subscription of ours, or it never answered. */
    FORGET;

    /**
     * @param orphaned    whether the subscription's feed is gone or moved to another hub or topic
     * @param attempts    requests sent since the last verification
     * @param maxAttempts unsubscriptions sent before the row is forgotten
     */
    public static Step next(SubscriptionState state, boolean orphaned, int attempts, int maxAttempts) {
        if (!orphaned) {
            return SUBSCRIBE;
        }
        if (state == SubscriptionState.SUBSCRIBE || state == SubscriptionState.FAILED || attempts >= maxAttempts) {
            return FORGET;
        }
        return UNSUBSCRIBE;
    }
}
