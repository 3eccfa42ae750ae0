package app.carnival.testing;

import app.carnival.boot.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a separate PostgreSQL server and hands its URL to Quarkus as an external datasource: the
 * service under test starts nothing embedded itself. The server can be stopped and started again
 * on the same port with the same data, to test how the service lives through a database outage.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("carnival-test-pg");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                database.jdbcUrl(),
                "quarkus.datasource.username",
                EmbeddedDatabase.USER);
    }

    /** Brings the server (back) up on its port with its data. */
    public static synchronized void startServer() throws IOException {
        database = EmbeddedDatabase.start(dataDirectory, port);
    }

    /** Shuts the server down, as an outage would; connections in use break. */
    public static synchronized void stopServer() throws IOException {
        database.close();
    }

    @Override
    public void stop() {
        try {
            stopServer();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
