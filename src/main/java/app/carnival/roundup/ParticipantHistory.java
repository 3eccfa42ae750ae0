package app.carnival.roundup;

import app.carnival.response.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One participant's visible responses ({@code AUTO} and {@code MANUAL}) across the assignments of their series,
 * newest assignment first (highest number first; within one assignment, the newest post first), with their first assignment answered and their streaks (see {@code history.Streaks}).
 *
 * @param firstAssignment     the number of the earliest opened assignment they answered; null before their first response
 * @param assignmentsAnswered how many assignments have at least one visible response of theirs
 */
@Schema(
        requiredProperties = {
            "id",
            "name",
            "blogUrl",
            "series",
            "firstAssignment",
            "assignmentsAnswered",
            "currentStreak",
            "longestStreak",
            "responses"
        })
public record ParticipantHistory(
        long id,
        String name,
        String blogUrl,
        String series,
        @Schema(nullable = true) Integer firstAssignment,
        int assignmentsAnswered,
        int currentStreak,
        int longestStreak,
        List<Entry> responses) {

    /**
     * One response.
     *
     * @param assignment      the assignment's number
     * @param assignmentTitle its title, or "#n" while it has none
     * @param url             null when the feed gave the post no link
     * @param excerpt         plain text, at most 300 characters
     */
    @Schema(
            requiredProperties = {
                "id",
                "assignment",
                "assignmentTitle",
                "title",
                "url",
                "publishedAt",
                "excerpt",
                "late",
                "state",
                "source"
            })
    public record Entry(
            long id,
            int assignment,
            String assignmentTitle,
            String title,
            @Schema(nullable = true) String url,
            OffsetDateTime publishedAt,
            String excerpt,
            boolean late,
            Response.State state,
            Response.Source source) {}
}
