package app.carnival.websub.store;

/** An active subscription as a push to its callback needs it: the feed to record into and the key of the signature. */
public record PushTarget(long subscriptionId, long feedId, String secret) {}
