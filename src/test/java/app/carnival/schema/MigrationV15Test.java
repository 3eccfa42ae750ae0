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
 * status take only their values; a pending participant is a registered one; every feed has its host.
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
    void theFeedHostIsTheUrlsHostNameInLowerCaseWithoutWwwPortOrCredentials() throws SQLException {
        String url = db.migratedTo("14");
        try (Connection c = DriverManager.getConnection(url)) {
            long old = feed(c, "https://WWW.Example.ORG/feed");

            SchemaDatabase.migrate(url, null);

            assertThat(column(c, "SELECT host FROM feed WHERE id = ?", old)).containsExactly("example.org");
            for (String[] urlAndHost : new String[][] {
                {"https://medium.com/feed/@someone", "medium.com"},
                {"http://127.0.0.1:8080/blog/feed", "127.0.0.1"},
                {"https://user:pw@feeds.example.net./rss?x=1", "feeds.example.net"},
                {"http://[::1]:9000/feed", "[::1]"},
                {"https://blog.example#top", "blog.example"},
                {"https://wwwblog.example/feed", "wwwblog.example"}
            }) {
                long id = feed(c, urlAndHost[0]);
                assertThat(column(c, "SELECT host FROM feed WHERE id = ?", id))
                        .as(urlAndHost[0])
                        .containsExactly(urlAndHost[1]);
            }
        }
    }
}
