package app.carnival.roundup;

import app.carnival.response.Response;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The numbers of one assignment, counting visible responses only ({@code AUTO} and {@code MANUAL}).
 *
 * @param number                    the assignment's number
 * @param title                     null while a planned assignment has no title yet
 * @param opensAt                   when it opened (or opens), in the assignment's time zone
 * @param responses                 visible responses
 * @param firstTimers               participants whose first visible response in the series is here (assignments in the order they opened)
 * @param late                      visible responses published in the grace period
 * @param firstResponseAfterSeconds from the opening to the publication of the first visible response; null without responses
 *                                  (negative for a post the host added that was published before the opening)
 * @param channels                  visible responses per channel that found them, only the channels that occur
 */
@Schema(
        requiredProperties = {
            "number",
            "title",
            "opensAt",
            "responses",
            "firstTimers",
            "late",
            "firstResponseAfterSeconds",
            "channels"
        })
public record AssignmentStats(
        int number,
        @Schema(nullable = true) String title,
        OffsetDateTime opensAt,
        int responses,
        int firstTimers,
        int late,
        @Schema(nullable = true) Long firstResponseAfterSeconds,
        Map<Response.Source, Integer> channels) {

    /** The responses that are not a first-timer's first: the returning participants' (the chart's lower bar). */
    public int returning() {
        return responses - firstTimers;
    }
}
