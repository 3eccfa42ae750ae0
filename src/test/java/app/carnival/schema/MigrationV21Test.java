package app.carnival.schema;

import static app.carnival.schema.MigrationV5Test.feed;
import static app.carnival.schema.MigrationV5Test.participant;
import static app.carnival.schema.MigrationV5Test.series;
import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.plan;
import static app.carnival.testing.SchemaDatabase.seedVolume;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V21: the poll schedule moves to a table of its own. A feed's schedule comes with it, every feed
 * inserted afterwards gets one, it goes with its feed, due feeds are found by its index, and the poll time of a
 * feed's first failure is still taken from the schedule.
 */
class MigrationV21Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    @Test
    void theScheduleOfEveryFeedMovesAndEachNewFeedGetsOne() throws SQLException {
        String url = db.migratedTo("20");
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, "SET TimeZone TO 'UTC'");
            long polled = feed(c, "https://polled.example/feed");
            update(
                    c,
                    "UPDATE feed SET last_polled_at = '2026-11-01T10:00:00Z', next_poll_at = '2026-11-01T10:30:00Z',"
                            + " leased_until = '2026-11-01T10:05:00Z' WHERE id = ?",
                    polled);
            long gone = feed(c, "https://gone.example/feed");
            update(c, "UPDATE feed SET paused = TRUE, paused_reason = 'gone' WHERE id = ?", gone);

            SchemaDatabase.migrate(url, null);

            assertThat(schedule(c, polled))
                    .isEqualTo("2026-11-01 10:00:00+00 | 2026-11-01 10:30:00+00 | 2026-11-01 10:05:00+00 | false");
            assertThat(column(c, "SELECT paused::text FROM feed_schedule WHERE feed_id = ?", gone))
                    .containsExactly("true");
            assertThat(
                            column(
                                    c,
                                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'feed'"
                                            + " AND column_name IN ('next_poll_at', 'leased_until', 'last_polled_at', 'paused')"))
                    .isEmpty();

            long added = feed(c, "https://new.example/feed");
            assertThat(column(
                            c,
                            "SELECT (next_poll_at <= now())::text || ' ' || (leased_until IS NULL)::text || ' '"
                                    + " || (last_polled_at IS NULL)::text || ' ' || paused::text"
                                    + " FROM feed_schedule WHERE feed_id = ?",
                            added))
                    .containsExactly("true true true false");

            update(c, "DELETE FROM feed WHERE id = ?", added);
            assertThat(column(c, "SELECT feed_id FROM feed_schedule WHERE feed_id = ?", added))
                    .isEmpty();
        }
    }

    @Test
    void aFeedsFirstFailureIsDatedByItsScheduledPoll() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            update(c, "SET TimeZone TO 'UTC'");
            long f = feed(c, "https://failing.example/feed");
            update(c, "UPDATE feed_schedule SET last_polled_at = '2026-11-02T08:00:00Z' WHERE feed_id = ?", f);
            update(c, "UPDATE feed SET error_count = 1, last_error = 'HTTP 500' WHERE id = ?", f);
            assertThat(failingSince(c, f)).isEqualTo("2026-11-02 08:00:00+00");

            update(c, "UPDATE feed_schedule SET last_polled_at = '2026-11-02T09:00:00Z' WHERE feed_id = ?", f);
            update(c, "UPDATE feed SET error_count = 2 WHERE id = ?", f);
            assertThat(failingSince(c, f)).isEqualTo("2026-11-02 08:00:00+00");
            update(c, "UPDATE feed SET error_count = 0 WHERE id = ?", f);
            assertThat(failingSince(c, f)).isNull();
        }
    }

    @Test
    void dueFeedsAreFoundByTheScheduleIndex() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            seedVolume(c);
            long s = series(c, "due");
            participant(c, s, feed(c, "https://due.example/feed"));
            update(c, "UPDATE feed_schedule SET next_poll_at = now() + interval '1 day'");
            update(c, "ANALYZE feed_schedule");

            assertThat(plan(
                            c,
                            "SELECT d.feed_id FROM feed_schedule d WHERE NOT d.paused AND d.next_poll_at <= now()"
                                    + " ORDER BY d.next_poll_at LIMIT 256"))
                    .contains("feed_schedule_due_idx");
        }
    }

    private static String failingSince(Connection c, long feed) throws SQLException {
        return column(c, "SELECT failing_since::text FROM feed WHERE id = ?", feed)
                .get(0);
    }

    private static String schedule(Connection c, long feed) throws SQLException {
        return column(
                        c,
                        "SELECT last_polled_at::text || ' | ' || next_poll_at::text || ' | ' || leased_until::text"
                                + " || ' | ' || paused::text FROM feed_schedule WHERE feed_id = ?",
                        feed)
                .get(0);
    }
}
