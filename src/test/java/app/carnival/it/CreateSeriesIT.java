package app.carnival.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carnival.series-creation=closed}: nobody starts a series on the web, and the operator starts
 * one with the packaged jar's {@code create-series} command, whose host token then works on the web.
 */
class CreateSeriesIT {

    @TempDir
    Path dir;

    @Test
    void theOperatorStartsASeriesFromTheCommandLineWhileTheWebRefusesEveryone() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("CARNIVAL_EMBEDDED_DB_DIR", data.toString());

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Xmx256m",
                "-jar",
                System.getProperty("carnival.jar", "target/quarkus-app/quarkus-run.jar"),
                "create-series",
                "--slug=closed-meme",
                "--title=A closed meme",
                "--hashtag=closedmeme");
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process command = pb.start();
        assertThat(command.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(command.exitValue()).as(Files.readString(err)).isZero();
        assertThat(printed).startsWith("Series 'closed-meme' started: /series/closed-meme");
        Matcher token = Pattern.compile("Host token \\(shown this once\\): ([A-Za-z0-9_-]{43})")
                .matcher(printed);
        assertThat(token.find()).as(printed).isTrue();

        try (ServiceProcess service = ServiceProcess.start(
                Map.of(
                        "CARNIVAL_EMBEDDED_DB_DIR", data.toString(),
                        "CARNIVAL_SERIES_CREATION", "closed",
                        "CARNIVAL_RATE_LIMITS_WRONG_TOKENS", "2/1h",
                        "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                        "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true"),
                dir.resolve("service.log"))) {
            HttpResponse<String> created = send(
                    service,
                    HttpRequest.newBuilder(service.uri("/api/series"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"slug\":\"web-meme\",\"title\":\"Web\",\"hashtag\":\"webmeme\"}")));
            assertThat(created.statusCode()).isEqualTo(403);
            assertThat(created.body()).contains("does not start series on the web");

            HttpResponse<String> form = send(service, HttpRequest.newBuilder(service.uri("/series/new")));
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(form.body()).contains("<h1>Not allowed</h1>").contains("from the command line");

            HttpResponse<String> list = send(service, HttpRequest.newBuilder(service.uri("/api/series")));
            assertThat(list.body()).contains("\"closed-meme\"").doesNotContain("web-meme");

            HttpResponse<String> edited = send(
                    service,
                    HttpRequest.newBuilder(service.uri("/api/series/closed-meme"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token.group(1))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Renamed\"}")));
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            assertThat(edited.body()).contains("\"title\":\"Renamed\"");

            // Behind a proxy (forwarding on), each forwarded address has its own allowance of wrong tokens.
            assertThat(guess(service, "198.51.100.7")).isEqualTo(403);
            assertThat(guess(service, "198.51.100.7")).isEqualTo(403);
            assertThat(guess(service, "198.51.100.7")).isEqualTo(429);
            assertThat(guess(service, "198.51.100.8")).isEqualTo(403);
        }
    }

    private static int guess(ServiceProcess service, String forwardedFor) throws Exception {
        return send(
                        service,
                        HttpRequest.newBuilder(service.uri("/api/series/closed-meme"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer a-guess")
                                .header("X-Forwarded-For", forwardedFor)
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Guessed\"}")))
                .statusCode();
    }

    private static HttpResponse<String> send(ServiceProcess service, HttpRequest.Builder request) throws Exception {
        return ServiceProcess.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
