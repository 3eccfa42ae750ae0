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
 * Migration V22: ANALYZE keeps statistics on the post columns queries use (keys, feed, dates) and none on those only
 * the service reads (text, links, categories, title, author, hash).
 */
class MigrationV22Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    @Test
    void analyzeSkipsTheColumnsNoQueryFiltersOn() throws SQLException {
        String url = db.migratedTo("22");
        try (Connection c = DriverManager.getConnection(url)) {
            long feed = feed(c, "https://blog.example/feed");
            update(
                    c,
                    "INSERT INTO post (feed_id, guid, url, title, author, published_at, categories, text, links,"
                            + " content_hash, first_seen_at)"
                            + " SELECT ?, 'g' || i, 'https://blog.example/' || i, 'Title ' || i, 'Ann',"
                            + " now() - make_interval(days => i), ARRAY['sql'], repeat('text ', 50), ARRAY['https://x.example/'],"
                            + " '\\x00', now() FROM generate_series(1, 200) i",
                    feed);
            update(c, "ANALYZE post");

            assertThat(column(c, "SELECT attname FROM pg_stats WHERE tablename = 'post' ORDER BY attname"))
                    .contains("feed_id", "guid", "url", "published_at", "first_seen_at")
                    .doesNotContain("text", "links", "page_links", "categories", "title", "author", "content_hash");
        }
    }
}
