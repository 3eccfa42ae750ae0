package app.carnival.announce;

import app.carnival.announce.rules.AnnouncementState;
import app.carnival.announce.rules.AnnouncementText;
import app.carnival.announce.store.AnnouncementRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Webmention telling one response's author they are in, as its host sees it.
 *
 * @param responseId    the response it announces; absent once the response is gone
 * @param summary       in words: "Webmention sent (HTTP 202)", "no Webmention endpoint", "failed: …", "waiting …"
 * @param onHold        queued but not sent while its response is hidden, waiting for approval or removed
 * @param nextAttemptAt when a queued one is tried (again)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        requiredProperties = {"source", "target", "state", "summary", "attempts", "onHold", "nextAttemptAt"},
        description = "The Webmention from the round-up page to one response")
public record AnnouncementView(
        Long responseId,
        String source,
        String target,
        AnnouncementState state,
        String summary,
        int attempts,
        boolean onHold,
        String endpoint,
        Integer lastStatus,
        String detail,
        Instant nextAttemptAt,
        Instant sentAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    static AnnouncementView of(AnnouncementRow r, ZoneId zone) {
        String retryAt = r.state() == AnnouncementState.QUEUED && r.attempts() > 0
                ? WHEN.format(r.nextAttemptAt().atZone(zone))
                : null;
        return new AnnouncementView(
                r.responseId(),
                r.sourceUrl(),
                r.targetUrl(),
                r.state(),
                AnnouncementText.summary(r.state(), r.attempts(), r.lastStatus(), r.detail(), r.onHold(), retryAt),
                r.attempts(),
                r.onHold(),
                r.endpointUrl(),
                r.lastStatus(),
                r.detail().isEmpty() ? null : r.detail(),
                r.nextAttemptAt(),
                r.sentAt());
    }
}
