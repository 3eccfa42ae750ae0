package app.carnival.announce.store;

import app.carnival.announce.rules.AnnouncementState;
import java.time.Instant;

/**
 * One recorded Webmention as the host sees it.
 *
 * @param responseId the response it announces, null once that response is gone
 * @param onHold     its response is hidden, waiting for approval or gone: a queued one is not sent
 */
public record AnnouncementRow(
        long id,
        Long responseId,
        String sourceUrl,
        String targetUrl,
        AnnouncementState state,
        int attempts,
        Instant nextAttemptAt,
        String endpointUrl,
        Integer lastStatus,
        String detail,
        Instant sentAt,
        boolean onHold) {}
