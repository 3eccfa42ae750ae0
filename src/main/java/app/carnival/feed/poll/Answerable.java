package app.carnival.feed.poll;

import app.carnival.matching.AssignmentCriteria;
import java.util.List;
import java.util.Map;

/**
 * The assignments a feed's posts may answer, and the feed's participant answering each of them (its
 * participant in that assignment's series).
 */
record Answerable(List<AssignmentCriteria> assignments, Map<Long, Long> participantOfAssignment) {

    static final Answerable NONE = new Answerable(List.of(), Map.of());

    long participantFor(long assignmentId) {
        return participantOfAssignment.get(assignmentId);
    }
}
