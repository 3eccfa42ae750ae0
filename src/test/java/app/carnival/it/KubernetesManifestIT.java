package app.carnival.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests quarkus-kubernetes wrote at {@code package}: N replicas probed on the health
 * endpoints, the database from a Secret (so no pod starts an embedded PostgreSQL), the other settings from a
 * ConfigMap, and nothing that needs more than a plain cluster (no migration Job, no ServiceMonitor).
 */
class KubernetesManifestIT {

    static Map<String, JsonNode> byKind = new HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        Path manifest = Path.of(System.getProperty("carnival.kubernetes", "target/kubernetes/kubernetes.yml"));
        try (var documents = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                byKind.put(document.path("kind").asText(), document);
            }
        }
    }

    static JsonNode container() {
        return byKind.get("Deployment").at("/spec/template/spec/containers/0");
    }

    @Test
    void onlyADeploymentAndAServiceAreGenerated() {
        assertThat(byKind).containsOnlyKeys("Deployment", "Service");
        assertThat(byKind.get("Service").at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    }

    @Test
    void twoReplicasProbedOnTheHealthEndpoints() {
        assertThat(byKind.get("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container().at("/readinessProbe/httpGet/port").asInt()).isEqualTo(8080);
    }

    @Test
    void theDatabaseComesFromTheSecretAndTheRestFromTheConfigMap() {
        Map<String, String> secretKeys = new HashMap<>();
        for (JsonNode env : container().path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(ref.path("name").asText()).isEqualTo("carnival-db");
                secretKeys.put(env.path("name").asText(), ref.path("key").asText());
            }
            // Flyway migrates at start in every instance, under its lock.
            assertThat(env.path("name").asText()).isNotEqualTo("QUARKUS_FLYWAY_ACTIVE");
        }
        assertThat(secretKeys)
                .isEqualTo(Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url",
                        "QUARKUS_DATASOURCE_USERNAME", "username",
                        "QUARKUS_DATASOURCE_PASSWORD", "password"));
        List<String> configMaps = container().path("envFrom").findValuesAsText("name");
        assertThat(configMaps).containsExactly("carnival");
        assertThat(byKind.get("Deployment")
                        .at("/spec/template/spec/initContainers")
                        .isMissingNode())
                .isTrue();
    }
}
