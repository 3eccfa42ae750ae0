package app.carnival.websub.rules;

/** Where a subscription to a feed's hub stands. */
public enum SubscriptionState {
    /** The feed announces a hub: a subscription request is to be sent. */
    SUBSCRIBE,
    /** Requested; the hub has not verified it yet. */
    SUBSCRIBING,
    /** Verified: the hub pushes until the lease ends; renewed before that. */
    ACTIVE,
    /** The hub denied it or refused the request: retried with back-off; the feed is polled as usual meanwhile. */
    FAILED,
    /** The feed is gone or changed hub: an unsubscription was requested and awaits the hub's verification. */
    UNSUBSCRIBING
}
