package app.carnival.testing;

import app.carnival.boot.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of a test class's own ({@code @RegisterExtension}), for tests of the schema
 * itself: each database it hands out is new and migrated by Flyway up to a chosen version, so data
 * can be written the way an older version left it before the next migration runs.
 */
public final class SchemaDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private final AtomicInteger databases = new AtomicInteger();
    private Path dataDirectory;
    private EmbeddedDatabase server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("carnival-schema-pg");
        server = EmbeddedDatabase.start(dataDirectory);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The JDBC URL of a new database migrated up to {@code version}, or to the latest when null. */
    public String migratedTo(String version) throws SQLException {
        String name = "schema_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + name + "?");
        migrate(url, version);
        return url;
    }

    /** Runs the migrations after those already applied, up to {@code version} (null: all). */
    public static void migrate(String url, String version) {
        var config =
                Flyway.configure().dataSource(url, EmbeddedDatabase.USER, "").locations("classpath:db/migration");
        (version == null ? config : config.target(version)).load().migrate();
    }

    /** Runs {@code sql + " RETURNING id"} and answers the id. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql + " RETURNING id", params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs an update and answers how many rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** The first column of every row the query answers, as text. */
    public static List<String> column(Connection c, String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The plan PostgreSQL chooses for the query with these parameters. */
    public static String plan(Connection c, String sql, Object... params) throws SQLException {
        return String.join("\n", column(c, "EXPLAIN " + sql, params));
    }

    /**
     * A database of some size, analysed, so that plans are those of a service in use: 2,000 series
     * of one participant and twelve assignments each, 30 posts a feed, a response to every third post.
     */
    public static void seedVolume(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO series (slug, title, hashtag, host_token_hash)
                    SELECT 's' || g, 'Series ' || g, 'tag', sha256(g::text::bytea) FROM generate_series(1, 2000) g;
                    INSERT INTO feed (url) SELECT 'https://blog' || g || '.example/feed' FROM generate_series(1, 2000) g;
                    INSERT INTO participant (series_id, feed_id, name, blog_url, token_hash)
                    SELECT f.id, f.id, 'Blogger ' || f.id, 'https://blog' || f.id || '.example/', sha256(f.id::text::bytea)
                    FROM feed f;
                    INSERT INTO post (feed_id, guid, url, title, published_at, content_hash, first_seen_at)
                    SELECT f.id, 'g' || g, f.url || '/post/' || g, 'Post ' || g, now() - g * interval '1 day',
                           sha256((f.id || '/' || g)::bytea), now()
                    FROM feed f, generate_series(1, 30) g;
                    INSERT INTO assignment (series_id, number, title, invitation_url, opens_at, closes_at)
                    SELECT s.id, n, 'Assignment ' || n, 'https://host.example/' || n,
                           now() - n * interval '30 days', now() - n * interval '30 days' + interval '10 days'
                    FROM series s, generate_series(1, 12) n;
                    INSERT INTO response (assignment_id, post_id, participant_id, by_link, by_tag, late, matched_at)
                    SELECT a.id, p.id, pa.id, true, false, false, p.published_at
                    FROM post p JOIN participant pa ON pa.feed_id = p.feed_id
                    JOIN assignment a ON a.series_id = pa.series_id AND a.number = 1 + p.id % 12
                    WHERE p.id % 3 = 0;
                    ANALYZE;
                    """);
        }
    }

    /** Parameters bind in order, or by number where the query numbers them as JPA does ({@code ?1}, {@code ?2} ...). */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        Matcher numbered = NUMBERED.matcher(sql);
        List<Object> values = new ArrayList<>();
        while (numbered.find()) {
            values.add(params[Integer.parseInt(numbered.group(1)) - 1]);
        }
        PreparedStatement ps = c.prepareStatement(values.isEmpty() ? sql : numbered.replaceAll("?"));
        List<Object> bound = values.isEmpty() ? Arrays.asList(params) : values;
        for (int i = 0; i < bound.size(); i++) {
            ps.setObject(i + 1, bound.get(i));
        }
        return ps;
    }
}
