package app.carnival.schema;

import static app.carnival.schema.MigrationV5Test.feed;
import static app.carnival.schema.MigrationV5Test.participant;
import static app.carnival.schema.MigrationV5Test.post;
import static app.carnival.schema.MigrationV5Test.series;
import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.insert;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V11: responses added, removed or hidden, and assignments moved or deleted, bump
 * {@code earlier_version} of the later assignments that have responses (their first-timers depend on
 * them), once per statement; nothing else does.
 */
class MigrationV11Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    static long assignment(Connection c, long series, int number, int opensDaysAgo) throws SQLException {
        return insert(
                c,
                "INSERT INTO assignment (series_id, number, title, invitation_url, opens_at, closes_at)"
                        + " VALUES (?, ?, 'A', 'https://host.example/a', now() - make_interval(days => ?),"
                        + " now() - make_interval(days => ?) + interval '7 days')",
                series,
                number,
                opensDaysAgo,
                opensDaysAgo);
    }

    static void respond(Connection c, long assignment, long post, long participant) throws SQLException {
        insert(
                c,
                "INSERT INTO response (assignment_id, post_id, participant_id, by_link, by_tag, late, matched_at)"
                        + " VALUES (?, ?, ?, true, false, false, now())",
                assignment,
                post,
                participant);
    }

    static List<String> versions(Connection c, long series) throws SQLException {
        return column(
                c,
                "SELECT number || ':' || roundup_version || '/' || earlier_version FROM assignment"
                        + " WHERE series_id = ? ORDER BY number",
                series);
    }

    @Test
    void responsesMovesAndDeletionsBumpTheLaterAssignmentsWithResponsesOnce() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            long s = series(c, "earlier");
            long f = feed(c, "https://earlier.example/feed");
            long pa = participant(c, s, f);
            long a1 = assignment(c, s, 1, 30);
            long a2 = assignment(c, s, 2, 20);
            long a3 = assignment(c, s, 3, 10);
            assignment(c, s, 4, -10); // planned: no responses, left alone
            respond(c, a1, post(c, f, "g1", null), pa);
            respond(c, a2, post(c, f, "g2", null), pa);
            long p3 = post(c, f, "g3", null);
            respond(c, a3, p3, pa);
            List<String> start = versions(c, s);

            update(c, "UPDATE assignment SET title = 'Renamed' WHERE id = ?", a1);
            // A title is no first-timer's business: #1's own version moved, nothing else.
            assertThat(versions(c, s))
                    .containsExactly(bumped(start.get(0), 1, 0), start.get(1), start.get(2), start.get(3));

            List<String> added = versions(c, s);
            respond(c, a1, post(c, f, "g1b", null), pa);
            // A response added to #1: #2 and #3 (with responses) are told once each; #4 (none) is left alone.
            assertThat(versions(c, s))
                    .containsExactly(
                            bumped(added.get(0), 1, 0),
                            bumped(added.get(1), 0, 1),
                            bumped(added.get(2), 0, 1),
                            added.get(3));

            List<String> before = versions(c, s);
            update(c, "UPDATE response SET state = 'HIDDEN' WHERE post_id = ?", p3);
            assertThat(versions(c, s))
                    .containsExactly(before.get(0), before.get(1), bumped(before.get(2), 1, 0), before.get(3));

            before = versions(c, s);
            // #3 moved before #2: #2's earlier set changed (its new place), nothing later than #3's old place but #4.
            update(
                    c,
                    "UPDATE assignment SET opens_at = opens_at - interval '15 days', closes_at = closes_at - interval '15 days' WHERE id = ?",
                    a3);
            assertThat(versions(c, s))
                    .containsExactly(
                            before.get(0), bumped(before.get(1), 0, 1), bumped(before.get(2), 1, 0), before.get(3));

            before = versions(c, s);
            update(c, "DELETE FROM assignment WHERE id = ?", a1);
            assertThat(versions(c, s))
                    .containsExactly(bumped(before.get(1), 0, 1), bumped(before.get(2), 0, 1), before.get(3));
        }
    }

    /** "n:version/earlier" with both numbers increased. */
    static String bumped(String row, int own, int earlier) {
        String number = row.substring(0, row.indexOf(':'));
        long version = Long.parseLong(row.substring(row.indexOf(':') + 1, row.indexOf('/')));
        long earlierVersion = Long.parseLong(row.substring(row.indexOf('/') + 1));
        return number + ":" + (version + own) + "/" + (earlierVersion + earlier);
    }
}
