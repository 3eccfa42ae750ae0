package app.carnival.roundup;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A series at a glance: totals and the numbers of each assignment that has opened, in the order they opened.
 *
 * @param assignments  the assignments that have opened
 * @param participants participants with at least one visible response (the sum of the first-timers)
 * @param responses    visible responses
 */
@Schema(requiredProperties = {"slug", "title", "assignments", "participants", "responses", "perAssignment"})
public record SeriesStats(
        String slug,
        String title,
        int assignments,
        int participants,
        int responses,
        List<AssignmentStats> perAssignment) {}
