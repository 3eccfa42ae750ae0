package app.carnival.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Entry point. When no datasource URL is configured it starts an embedded PostgreSQL before
 * Quarkus boots (Flyway migrates at start, so the server must already be up) and stops it when
 * Quarkus exits. With {@code create-series …} as arguments it runs that command
 * ({@link CreateSeriesCommand}) instead of the service, and exits.
 */
@QuarkusMain
public final class CarnivalMain {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String DIR_PROPERTY = "carnival.embedded-db.dir";
    static final String DIR_ENV = "CARNIVAL_EMBEDDED_DB_DIR";
    static final String DEFAULT_DIR = "data";

    private static final Logger LOG = Logger.getLogger(CarnivalMain.class);

    public static void main(String... args) {
        boolean command = args.length > 0 && args[0].equals(CreateSeriesCommand.NAME);
        if (command) {
            commandOnly(System.getProperties());
        }
        Optional<EmbeddedDatabase> embedded = startEmbeddedIfNoUrl(System.getProperties(), System.getenv());
        Quarkus.run(
                command ? CreateSeriesCommand.class : null,
                (exitCode, failure) -> {
                    embedded.ifPresent(CarnivalMain::stop);
                    if (failure != null) {
                        LOG.error("Carnival failed to start", failure);
                    }
                    System.exit(exitCode);
                },
                command ? Arrays.copyOfRange(args, 1, args.length) : args);
    }

    /**
     * A command runs beside a running service: no HTTP listener and no background jobs of its own, and
     * its log on standard error, so that standard output holds only what it prints.
     */
    static void commandOnly(Properties props) {
        props.setProperty("quarkus.http.host-enabled", "false");
        props.setProperty("quarkus.log.console.stderr", "true");
        for (String job :
                List.of("poll.scheduler", "intake.worker", "announce.worker", "mail.worker", "websub.worker")) {
            props.setProperty("carnival." + job + "-enabled", "false");
        }
    }

    /**
     * Starts the embedded server only when neither the system property nor the environment names
     * a datasource URL, and points the datasource at it through system properties.
     */
    static Optional<EmbeddedDatabase> startEmbeddedIfNoUrl(java.util.Properties props, Map<String, String> env) {
        if (isSet(props.getProperty(URL_PROPERTY)) || isSet(env.get(URL_ENV))) {
            return Optional.empty();
        }
        String dir = Optional.ofNullable(props.getProperty(DIR_PROPERTY))
                .filter(CarnivalMain::isSet)
                .or(() -> Optional.ofNullable(env.get(DIR_ENV)).filter(CarnivalMain::isSet))
                .orElse(DEFAULT_DIR);
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(dir).toAbsolutePath());
            LOG.infof(
                    "No datasource configured: embedded PostgreSQL %s on port %d, data in %s",
                    db.version(), db.port(), Path.of(dir).toAbsolutePath());
            props.setProperty(URL_PROPERTY, db.jdbcUrl());
            props.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            return Optional.of(db);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void stop(EmbeddedDatabase db) {
        try {
            db.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
