package app.carnival.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant as listed; {@code participantToken} only in the answer to the registration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"id", "series", "name", "blogUrl", "feedUrl", "registeredAt"})
public record ParticipantView(
        long id,
        String series,
        String name,
        String blogUrl,
        String feedUrl,
        String avatarUrl,
        Instant registeredAt,
        String participantToken) {

    public static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.series.slug, p.name, p.blogUrl, p.feed.url, p.avatarUrl, p.createdAt, null);
    }

    public ParticipantView withToken(String token) {
        return new ParticipantView(id, series, name, blogUrl, feedUrl, avatarUrl, registeredAt, token);
    }
}
