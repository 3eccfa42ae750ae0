package app.carnival.boot;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL server run from binaries shipped in a jar (zonky), with its data kept in a
 * folder so that a restarted service finds its data again.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    static {
        // initdb's and the server's output, and the binaries' extraction: DEBUG, not ~40 INFO lines per first start.
        DemotedLogs.demote(EmbeddedPostgres.class.getName(), DefaultPostgresBinaryResolver.class.getName());
    }

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server on a free port, creating the data folder on first use and reusing it after. */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        return start(dataDirectory, 0);
    }

    /** As {@link #start(Path)}, on a given port (0: any free one), so a restarted server keeps its address. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with server settings beyond zonky's defaults (the benchmark's
     * {@code pg_stat_statements}, for one).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> settings)
            throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        return new EmbeddedDatabase(builder.start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The server's version, e.g. "17.6". */
    public String version() {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL does not answer", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
