package app.carnival.roundup;

import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.plan;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The series Atom feed's query, on a database of some size: the rows of a plain sort, read through the index. */
class NewestOfSeriesQueryTest {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    /** What the query must answer, the obvious way: sort all the series' visible responses. */
    static final String PLAIN = """
            SELECT r.id FROM response r JOIN assignment a ON a.id = r.assignment_id
            WHERE a.series_id = ?1 AND r.state <> ?2
            ORDER BY r.matched_at DESC, r.id DESC LIMIT ?3""";

    @Test
    void answersTheNewestVisibleResponsesReadingFewOfEachAssignmentThroughTheIndex() throws Exception {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            SchemaDatabase.seedVolume(c);
            // Series 1: half its responses matched at one instant (the id decides), its two newest hidden.
            update(
                    c,
                    "UPDATE response SET matched_at = now() - interval '1 hour' WHERE participant_id = 1 AND id % 2 = 0");
            update(
                    c,
                    "UPDATE response SET state = 'HIDDEN' WHERE id IN"
                            + " (SELECT id FROM response WHERE participant_id = 1 ORDER BY matched_at DESC, id DESC LIMIT 2)");

            for (long series : new long[] {1, 2, 1999}) {
                for (int limit : new int[] {3, 50}) {
                    assertThat(column(c, Roundups.NEWEST_OF_SERIES, series, limit))
                            .as("series %d, limit %d", series, limit)
                            .hasSizeGreaterThanOrEqualTo(3)
                            .containsExactlyElementsOf(column(c, PLAIN, series, "HIDDEN", limit));
                }
            }
            assertThat(plan(c, Roundups.NEWEST_OF_SERIES, 1L, 50))
                    .contains("response_assignment_matched_idx")
                    .doesNotContain("Seq Scan on response");
        }
    }
}
