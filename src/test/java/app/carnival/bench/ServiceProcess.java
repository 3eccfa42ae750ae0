package app.carnival.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The Carnival service as users run it: {@code java -jar target/quarkus-app/quarkus-run.jar}, as a child process. */
final class ServiceProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final int port;
    final Process process;
    final Path log;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ServiceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static ServiceProcess start(Path jar, Path workDir, String jdbcUrl, Map<String, String> env, List<String> javaOpts)
            throws IOException, InterruptedException {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOpts);
        cmd.add("-jar");
        cmd.add(jar.toString());
        Files.createDirectories(workDir);
        Path log = workDir.resolve("service.log");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        e.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        e.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        e.put("CARNIVAL_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        e.put("CARNIVAL_POLL_INTERVAL", "24h");
        e.put("CARNIVAL_POLL_TICK", "200ms");
        // The scenarios put up to 10,000 feeds from 64 loopback hosts into one series: past the caps of a public
        // instance.
        e.put("CARNIVAL_REGISTRATION_MAX_PARTICIPANTS_PER_SERIES", "1000000");
        e.put("CARNIVAL_REGISTRATION_MAX_FEEDS_PER_HOST", "1000000");
        // ... all from one address, past the rate limits of a public instance too.
        e.put("CARNIVAL_RATE_LIMITS_SERIES_CREATION", "1000000/1h");
        e.put("CARNIVAL_RATE_LIMITS_REGISTRATION", "1000000/1h");
        e.put("CARNIVAL_RATE_LIMITS_SELF_SERVICE", "1000000/1h");
        // A value may name the port the service listens on, chosen here: "{port}".
        env.forEach((k, v) -> e.put(k, v.replace("{port}", String.valueOf(port))));
        ServiceProcess s = new ServiceProcess(port, pb.start(), log);
        Bench.onExit(s);
        s.awaitHealthy(Duration.ofSeconds(120));
        return s;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("service exited with " + process.exitValue() + "; log " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/q/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("service not healthy after " + timeout + "; log " + log + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form-encoded POST, as Webmention senders send one. */
    HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode postOk(String path, Object body, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> r = post(path, body, bearer);
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
