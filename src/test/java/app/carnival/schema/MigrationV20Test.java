package app.carnival.schema;

import static app.carnival.schema.MigrationV5Test.feed;
import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V20: the feed's host, no longer a generated column, keeps its value, follows the URL when it
 * changes, and cannot be set to anything else.
 */
class MigrationV20Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    @Test
    void theHostFollowsTheUrlAndNothingElse() throws SQLException {
        String url = db.migratedTo("19");
        try (Connection c = DriverManager.getConnection(url)) {
            long old = feed(c, "https://WWW.Example.ORG/feed");

            SchemaDatabase.migrate(url, null);

            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", old)).containsExactly("example.org");
            long added = feed(c, "https://Blog.Example./rss");
            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", added)).containsExactly("blog.example");

            update(c, "UPDATE feed SET url = 'https://moved.example/feed' WHERE id = ?", old);
            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", old)).containsExactly("moved.example");

            update(c, "UPDATE feed SET host = 'elsewhere.example' WHERE id = ?", old);
            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", old)).containsExactly("moved.example");

            long forged = SchemaDatabase.insert(
                    c, "INSERT INTO feed (url, host) VALUES ('https://real.example/feed', 'forged.example')");
            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", forged)).containsExactly("real.example");

            update(c, "UPDATE feed SET leased_until = now(), next_poll_at = now() WHERE id = ?", added);
            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", added)).containsExactly("blog.example");
        }
    }
}
