package app.carnival.schema;

import static app.carnival.schema.MigrationV5Test.feed;
import static app.carnival.schema.MigrationV5Test.participant;
import static app.carnival.schema.MigrationV5Test.series;
import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V15: series and participants written before it are open and approved; the policy and the
 * status take only their values; a pending participant is a registered one; every feed has its host. From V20 a
 * trigger keeps the host instead of a generated column: it follows the URL and cannot be set to anything else.
 */
class MigrationV15Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    @Test
    void rowsFromBeforeAreOpenAndApprovedAndTheStatesTakeOnlyTheirValues() throws SQLException {
        String url = db.migratedTo("14");
        try (Connection c = DriverManager.getConnection(url)) {
            long s = series(c, "before");
            long p = participant(c, s, feed(c, "https://Blog.Example/feed"));

            SchemaDatabase.migrate(url, null);

            assertThat(column(c, "SELECT registration_policy FROM series WHERE id = ?", s))
                    .containsExactly("OPEN");
            assertThat(column(c, "SELECT status FROM participant WHERE id = ?", p))
                    .containsExactly("APPROVED");
            assertThatThrownBy(() -> update(c, "UPDATE series SET registration_policy = 'open' WHERE id = ?", s))
                    .hasMessageContaining("series_registration_policy");
            assertThatThrownBy(() -> update(c, "UPDATE participant SET status = 'WAITING' WHERE id = ?", p))
                    .hasMessageContaining("participant_status");
            assertThat(update(c, "UPDATE participant SET status = 'PENDING' WHERE id = ?", p))
                    .isOne();
            assertThatThrownBy(() -> update(c, "UPDATE participant SET origin = 'DISCOVERED' WHERE id = ?", p))
                    .hasMessageContaining("participant_pending_registered");
        }
    }

    @Test
    void theFeedHostIsTheUrlsHostNameInLowerCaseWithoutWwwPortOrCredentialsAndFollowsTheUrlOnly() throws SQLException {
        String url = db.migratedTo("14");
        try (Connection c = DriverManager.getConnection(url)) {
            long old = feed(c, "https://WWW.Example.ORG/feed");

            SchemaDatabase.migrate(url, null);

            assertThat(host(c, old)).isEqualTo("example.org");
            for (String[] urlAndHost : new String[][] {
                {"https://medium.com/feed/@someone", "medium.com"},
                {"http://127.0.0.1:8080/blog/feed", "127.0.0.1"},
                {"https://user:pw@feeds.example.net./rss?x=1", "feeds.example.net"},
                {"http://[::1]:9000/feed", "[::1]"},
                {"https://blog.example#top", "blog.example"},
                {"https://wwwblog.example/feed", "wwwblog.example"}
            }) {
                assertThat(host(c, feed(c, urlAndHost[0]))).as(urlAndHost[0]).isEqualTo(urlAndHost[1]);
            }

            // From V20 a trigger keeps it, not a generated column: it follows the URL and nothing else.
            update(c, "UPDATE feed SET url = 'https://moved.example/feed' WHERE id = ?", old);
            assertThat(host(c, old)).isEqualTo("moved.example");
            update(c, "UPDATE feed SET host = 'elsewhere.example' WHERE id = ?", old);
            assertThat(host(c, old)).isEqualTo("moved.example");
            long forged = SchemaDatabase.insert(
                    c, "INSERT INTO feed (url, host) VALUES ('https://real.example/feed', 'forged.example')");
            assertThat(host(c, forged)).isEqualTo("real.example");
            update(c, "UPDATE feed SET etag = '\"v2\"', last_status = 304 WHERE id = ?", forged);
            assertThat(host(c, forged)).isEqualTo("real.example");
        }
    }

    private static String host(Connection c, long feed) throws SQLException {
        return column(c, "SELECT host FROM feed WHERE id = ?", feed).get(0);
    }
}
