package app.carnival.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service started as a user starts it, with no database configured: it runs its
 * embedded PostgreSQL and says so in one line; the database's own chatter stays at DEBUG. JSON log
 * lines are chosen by configuration.
 */
class LaunchIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFirstStartWithJsonLogsSaysWhereTheEmbeddedDatabaseRunsInOneLine() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(
                Map.of(
                        "CARNIVAL_EMBEDDED_DB_DIR", data.toString(),
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                        "CARNIVAL_POLL_SCHEDULER_ENABLED", "false"),
                log)) {
            assertThat(data.resolve("PG_VERSION")).exists();
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line)); // every line is one JSON object: nothing printed around the logger
            }
        }
        assertThat(records)
                .allSatisfy(r -> assertThat(r.path("message").isTextual()).isTrue());
        assertThat(records)
                .filteredOn(r -> r.path("loggerName").asText().startsWith("io.zonky"))
                .isEmpty();
        assertThat(records)
                .filteredOn(r -> r.path("loggerName").asText().equals("app.carnival.boot.CarnivalMain"))
                .extracting(
                        r -> r.path("level").asText() + " " + r.path("message").asText())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("INFO No datasource configured: embedded PostgreSQL 17.")
                        .contains(" on port ")
                        .endsWith("data in " + data.toAbsolutePath()));
    }
}
