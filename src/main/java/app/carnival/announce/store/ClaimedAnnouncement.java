package app.carnival.announce.store;

import java.util.UUID;

/** A queued Webmention reserved for one attempt: what sending it needs, and the claim to record it with. */
public record ClaimedAnnouncement(long id, UUID claim, String sourceUrl, String targetUrl, int attempts) {}
