package app.carnival.feed.poll;

import app.carnival.feed.store.PostStore;
import app.carnival.matching.AssignmentCriteria;
import java.util.List;
import java.util.Map;

/**
 * What the read step found for a changed feed body: the new and edited entries (content extracted),
 * the assignments they may answer, and who in each series the feed belongs to.
 *
 * @param participantOfSeries the feed's participant in each of its series
 * @param seriesOfAssignment  the series of each assignment, by assignment id
 */
record FeedChanges(
        List<PostStore.Prepared> changed,
        List<AssignmentCriteria> assignments,
        Map<Long, Long> participantOfSeries,
        Map<Long, Long> seriesOfAssignment) {

    long participantFor(long assignmentId) {
        return participantOfSeries.get(seriesOfAssignment.get(assignmentId));
    }
}
