package app.carnival.schema;

import static app.carnival.testing.SchemaDatabase.column;
import static app.carnival.testing.SchemaDatabase.insert;
import static app.carnival.testing.SchemaDatabase.plan;
import static app.carnival.testing.SchemaDatabase.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.security.Digests;
import app.carnival.testing.Await;
import app.carnival.testing.SchemaDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Migration V5: what it rewrites in data written under V4, its triggers, and the add-by-URL lookup's plan. */
class MigrationV5Test {

    @RegisterExtension
    static final SchemaDatabase db = new SchemaDatabase();

    static long series(Connection c, String slug) throws SQLException {
        return insert(
                c,
                "INSERT INTO series (slug, title, hashtag, host_token_hash) VALUES (?, ?, 'tag', sha256(?::bytea))",
                slug,
                slug,
                slug);
    }

    static long feed(Connection c, String url) throws SQLException {
        return insert(c, "INSERT INTO feed (url) VALUES (?)", url);
    }

    static long participant(Connection c, long series, long feed) throws SQLException {
        return insert(
                c,
                "INSERT INTO participant (series_id, feed_id, name, blog_url, token_hash)"
                        + " VALUES (?, ?, 'Blogger', 'https://blog.example/', sha256(?::bytea))",
                series,
                feed,
                series + "/" + feed);
    }

    static long post(Connection c, long feed, String guid, String url) throws SQLException {
        return insert(
                c,
                "INSERT INTO post (feed_id, guid, url, title, published_at, content_hash, first_seen_at)"
                        + " VALUES (?, ?, ?, 'A post', now(), sha256(?::bytea), now())",
                feed,
                guid,
                url,
                guid);
    }

    static String hashKey(String guid) {
        return "sha256:" + HexFormat.of().formatHex(Digests.sha256(guid));
    }

    @Test
    void storedGuidsOver1000BytesAreRewrittenToTheKeyPostStoreNowMakes() throws SQLException {
        String url = db.migratedTo("4");
        String ascii1500 = "x".repeat(1500); // kept as it was by V4, which counted characters
        String bytes1000 = "é".repeat(500);
        String hashedByV4 = hashKey("z".repeat(3000));
        String clash = "y".repeat(1200); // its feed already has a post under the literal key it would get
        long a;
        long b;
        try (Connection c = DriverManager.getConnection(url)) {
            a = feed(c, "https://a.example/feed");
            b = feed(c, "https://b.example/feed");
            participant(c, series(c, "keys-a"), a);
            participant(c, series(c, "keys-b"), b);
            for (String guid : List.of("short-guid", bytes1000, ascii1500, hashedByV4)) {
                post(c, a, guid, null);
            }
            post(c, b, clash, null);
            post(c, b, hashKey(clash), null);
        }

        SchemaDatabase.migrate(url, null);

        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(column(c, "SELECT guid FROM post WHERE feed_id = ? ORDER BY id", a))
                    .containsExactly("short-guid", bytes1000, hashKey(ascii1500), hashedByV4);
            assertThat(column(c, "SELECT guid FROM post WHERE feed_id = ? ORDER BY id", b))
                    .containsExactly(clash, hashKey(clash));
        }
    }

    @Test
    void feedsThatNoParticipantFollowedAreDeletedWithTheirPosts() throws SQLException {
        String url = db.migratedTo("4");
        try (Connection c = DriverManager.getConnection(url)) {
            long followed = feed(c, "https://followed.example/feed");
            participant(c, series(c, "followed"), followed);
            post(c, followed, "kept", null);
            post(c, feed(c, "https://orphan.example/feed"), "gone", null);
        }

        SchemaDatabase.migrate(url, null);

        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(column(c, "SELECT url FROM feed")).containsExactly("https://followed.example/feed");
            assertThat(column(c, "SELECT guid FROM post")).containsExactly("kept");
        }
    }

    @Test
    void aPostUpdateBumpsItsRoundupOnlyWhenAColumnTheRoundupShowsChanges() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            long s = series(c, "bumps");
            long f = feed(c, "https://bumps.example/feed");
            long pa = participant(c, s, f);
            long a = insert(
                    c,
                    "INSERT INTO assignment (series_id, number, title, invitation_url, opens_at, closes_at)"
                            + " VALUES (?, 1, 'A', 'https://host.example/1', now() - interval '1 day', now() + interval '1 day')",
                    s);
            long p = post(c, f, "g", null);
            insert(
                    c,
                    "INSERT INTO response (assignment_id, post_id, participant_id, by_link, by_tag, late, matched_at)"
                            + " VALUES (?, ?, ?, true, false, false, now())",
                    a,
                    p,
                    pa);
            String version = "SELECT roundup_version FROM assignment WHERE id = ?";
            String before = column(c, version, a).get(0);

            // As Hibernate writes an edited post: every column, here the shown ones with their old values.
            update(
                    c,
                    "UPDATE post SET title = title, url = url, text = text, published_at = published_at,"
                            + " author = 'someone', page_links = '{https://elsewhere.example/}', content_hash = sha256('v2')"
                            + " WHERE id = ?",
                    p);
            assertThat(column(c, version, a)).containsExactly(before);

            update(c, "UPDATE post SET title = 'Renamed' WHERE id = ?", p);
            assertThat(column(c, version, a)).containsExactly(String.valueOf(Long.parseLong(before) + 1));
            update(c, "UPDATE post SET url = 'https://bumps.example/p' WHERE id = ?", p); // from NULL
            assertThat(column(c, version, a)).containsExactly(String.valueOf(Long.parseLong(before) + 2));
        }
    }

    @Test
    void theLastParticipantLeavingWaitsForARegistrationOfTheSameFeedAndThenKeepsIt() throws Exception {
        String url = db.migratedTo(null);
        try (Connection leaver = DriverManager.getConnection(url);
                Connection newcomer = DriverManager.getConnection(url);
                Connection watch = DriverManager.getConnection(url)) {
            long f = feed(watch, "https://shared.example/feed");
            long leaving = participant(watch, series(watch, "leaving"), f);
            post(watch, f, "g", null);
            long joining = series(watch, "joining");
            String leaverPid = column(leaver, "SELECT pg_backend_pid()").get(0);

            newcomer.setAutoCommit(false);
            participant(newcomer, joining, f); // not committed yet: its foreign key holds the feed row
            CompletableFuture<Integer> leave = CompletableFuture.supplyAsync(() -> {
                try {
                    return update(leaver, "DELETE FROM participant WHERE id = ?", leaving);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Await.until("the leave to wait for the registration", () -> waitsForALock(watch, leaverPid));
            newcomer.commit();

            assertThat(leave.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(column(watch, "SELECT guid FROM post WHERE feed_id = ?", f))
                    .containsExactly("g");

            // The newcomer leaving in its turn leaves the feed without participants: gone, with its posts.
            update(watch, "DELETE FROM participant WHERE feed_id = ?", f);
            assertThat(column(watch, "SELECT id FROM feed WHERE id = ?", f)).isEmpty();
            assertThat(column(watch, "SELECT id FROM post WHERE feed_id = ?", f))
                    .isEmpty();
        }
    }

    private static boolean waitsForALock(Connection c, String pid) {
        try {
            return column(c, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?::int", pid)
                    .contains("Lock");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void addByUrlFindsThePostThroughTheUrlIndexWhateverTheUrlsLength() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.migratedTo(null))) {
            SchemaDatabase.seedVolume(c);
            // Curation.storedPost as Hibernate sends it (quarkus.hibernate-orm.log.sql=true).
            String storedPost = """
                    select p1_0.id, p1_0.url from post p1_0
                    where p1_0.url=? and p1_0.feed_id in (select p2_0.feed_id from participant p2_0 where p2_0.series_id=?)
                    order by p1_0.id fetch first ? rows only""";
            assertThat(plan(c, storedPost, "https://blog7.example/feed/post/5", 7L, 1))
                    .contains("Index Scan using post_url_idx on post")
                    .doesNotContain("Seq Scan on post");

            // 4096 characters that do not compress, 12 kB: the hash index takes them, a btree could not.
            String longUrl = "https://blog7.example/"
                    + new Random(4096)
                            .ints(4074, 0x4E00, 0xA000)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            long feed = Long.parseLong(column(c, "SELECT feed_id FROM participant WHERE series_id = 7")
                    .get(0));
            long id = post(c, feed, "long-url", longUrl);
            assertThat(column(c, storedPost, longUrl, 7L, 1)).containsExactly(String.valueOf(id));
            assertThatThrownBy(() -> update(c, "CREATE INDEX post_feed_url_btree ON post (feed_id, url)"))
                    .hasMessageContaining("index row");
        }
    }
}
