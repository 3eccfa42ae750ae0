package app.carnival.registration;

import app.carnival.feed.store.FeedHealth;
import app.carnival.matching.MatchedBy;
import app.carnival.participant.ParticipantView;
import app.carnival.response.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/participants/{id}}: the participant, its feed's health and why each recent post did or did not match. */
@Schema(requiredProperties = {"participant", "feed", "recentPosts"})
public record ParticipantDetail(ParticipantView participant, FeedHealth feed, List<PostExplanation> recentPosts) {

    /** One recent post and the verdict for each assignment of the series; {@code url} null when the feed gave none. */
    @Schema(requiredProperties = {"title", "url", "publishedAt", "assignments"})
    public record PostExplanation(
            String title, @Schema(nullable = true) String url, Instant publishedAt, List<Verdict> assignments) {}

    /**
     * @param response curation state when a response exists ({@code AUTO}, {@code HIDDEN}, {@code MANUAL}), else null;
     *                 spelt out because OpenAPI 3.0 cannot make the enum's {@code $ref} nullable
     */
    @Schema(requiredProperties = {"assignment", "matched", "matchedBy", "late", "reason", "response"})
    public record Verdict(
            int assignment,
            boolean matched,
            List<MatchedBy> matchedBy,
            boolean late,
            String reason,

            @Schema(
                    nullable = true,
                    implementation = String.class,
                    enumeration = {"AUTO", "HIDDEN", "MANUAL", "PENDING"})
            Response.State response) {}
}
