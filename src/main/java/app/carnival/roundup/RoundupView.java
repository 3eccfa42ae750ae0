package app.carnival.roundup;

import app.carnival.matching.MatchedBy;
import app.carnival.response.Response;
import app.carnival.series.AssignmentView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The round-up of one assignment: the assignment, its visible responses in publication order and its
 * numbers (first-timers, late responses, time to the first response, channels).
 */
@Schema(requiredProperties = {"assignment", "count", "responses", "stats"})
public record RoundupView(AssignmentView assignment, int count, List<Entry> responses, AssignmentStats stats) {

    /** A round-up without its numbers: what the exports (Markdown, HTML snippet, Atom) need. */
    public RoundupView(AssignmentView assignment, int count, List<Entry> responses) {
        this(assignment, count, responses, null);
    }

    /**
     * One response.
     *
     * @param participantId the participant, whose history is at {@code /series/{slug}/participants/{participantId}}
     * @param url       null when the feed gave the post no link
     * @param excerpt   plain text, at most 300 characters
     * @param matchedBy {@code LINK}, {@code TAG}, both, or empty for a post the host added by hand
     * @param state     {@code AUTO} or {@code MANUAL}; {@code HIDDEN} and {@code PENDING} only in the host's list
     * @param source    the channel that found the response
     * @param reason    why an intake decided as it did; only in the host's list, for responses found by an intake
     */
    @Schema(
            requiredProperties = {
                "id",
                "participantId",
                "participant",
                "blogUrl",
                "title",
                "url",
                "publishedAt",
                "excerpt",
                "matchedBy",
                "late",
                "state",
                "source"
            })
    public record Entry(
            long id,
            long participantId,
            String participant,
            String blogUrl,
            String title,
            @Schema(nullable = true) String url,
            OffsetDateTime publishedAt,
            String excerpt,
            List<MatchedBy> matchedBy,
            boolean late,
            Response.State state,
            Response.Source source,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
            String reason) {}
}
