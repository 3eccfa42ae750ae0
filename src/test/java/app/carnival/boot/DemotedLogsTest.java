package app.carnival.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's chatter reaches the log at DEBUG only; its warnings keep their level. */
class DemotedLogsTest {

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    List<LogRecord> of(String prefix) {
        return records.stream()
                .filter(r -> r.getLoggerName().startsWith(prefix))
                .toList();
    }

    @Test
    void infoBecomesDebugAndIsDroppedUnlessTheCategoryIsAtDebug() {
        String category = "app.carnival.boot.chatty";
        DemotedLogs.demote(category);
        Logger chatty = Logger.getLogger(category);

        chatty.info("routine");
        chatty.warning("something is wrong");
        assertThat(of(category))
                .extracting(LogRecord::getLevel, LogRecord::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.WARNING, "something is wrong"));

        records.clear();
        chatty.setLevel(Level.FINE);
        chatty.info("routine, wanted");
        assertThat(of(category)).extracting(LogRecord::getLevel).containsExactly(Level.FINE);
    }

    @Test
    void theEmbeddedDatabasesFirstStartSaysItsInitdbOutputAtDebug(@TempDir Path dir) throws Exception {
        Logger postgres = Logger.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
        postgres.setLevel(Level.FINE);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pgdata"))) {
            assertThat(db.version()).startsWith("17.");
        } finally {
            postgres.setLevel(null);
        }
        assertThat(of("io.zonky"))
                .filteredOn(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .extracting(LogRecord::getMessage)
                .isEmpty();
        assertThat(of("io.zonky"))
                .extracting(LogRecord::getMessage)
                .anySatisfy(m -> assertThat(m).contains("initdb"));
    }
}
