package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.FeedServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Races on the same feed end without duplicates; the round-up answers every request under load. */
@QuarkusTest
class ConcurrencyTest {

    static final String INVITATION = "https://host.example/2024/08/invite";

    @TestHTTPResource("/")
    URI base;

    static <T> List<T> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static int register(String slug, String feedUrl) {
        return given().contentType("application/json")
                .body(Map.of("name", "Racer", "blogUrl", "https://racer.example/", "feedUrl", feedUrl))
                .post("/api/series/" + slug + "/participants")
                .statusCode();
    }

    @Test
    void concurrentRegistrationsOfOneFeedMakeOneParticipantPerSeriesAndOneFeed() throws Exception {
        Api.createSeries("race-one", "race");
        List<Integer> statuses = race(16, () -> register("race-one", "https://racer.example/feed"));
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        given().get("/api/series/race-one/participants").then().body("size()", org.hamcrest.Matchers.equalTo(1));

        for (int i = 0; i < 8; i++) {
            Api.createSeries("race-many-" + i, "race");
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> many =
                race(8, () -> register("race-many-" + next.getAndIncrement(), "https://racer.example/shared-feed"));
        assertThat(many).containsOnly(201);
        List<String> feedUrls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            feedUrls.addAll(given().get("/api/series/race-many-" + i + "/participants")
                    .then()
                    .extract()
                    .path("feedUrl"));
        }
        assertThat(feedUrls).hasSize(8).containsOnly("https://racer.example/shared-feed");
    }

    @Test
    void concurrentPollNowOfOneFeedStoresEachPostAndResponseOnce() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String site = server.url("/race");
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                items.append(Feeds.wordpressItem(
                        site + "/post-" + i + "/",
                        "Post " + i,
                        "Mon, 05 Aug 2024 10:00:00 +0000",
                        "race",
                        i == 7 ? "<p><a href=\"" + INVITATION + "\">answer</a></p>" : "<p>other</p>"));
            }
            server.serve("/race/feed", "application/rss+xml", Feeds.wordpress(site, items.toString()));
            server.delay("/race/feed", Duration.ofMillis(200));
            String token = Api.createSeries("race-poll", "racepoll");
            Api.createAssignment(
                    "race-poll", token, Api.assignment(INVITATION, "2024-08-01T00:00:00Z", "2024-08-10T00:00:00Z", 0));
            long p = Api.register("race-poll", "Racer", site, server.url("/race/feed"));

            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            List<String> results = race(
                    12,
                    () -> given().header("Authorization", "Bearer " + token)
                            .post(
                                    calls.getAndIncrement() % 2 == 0
                                            ? "/api/participants/" + p + "/poll"
                                            : "/api/series/race-poll/poll")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("outcomes[0].result"));
            assertThat(results)
                    .contains("updated")
                    .allMatch(r -> List.of("updated", "not-modified", "busy").contains(r));

            given().get("/api/series/race-poll/assignments/1/roundup")
                    .then()
                    .body("count", org.hamcrest.Matchers.equalTo(1));
            List<String> titles = given().queryParam("x", 1)
                    .get("/api/participants/" + p)
                    .then()
                    .extract()
                    .path("recentPosts.title");
            assertThat(titles).hasSize(20).doesNotHaveDuplicates();
        }
    }

    @Test
    void theRoundupAndItsPagesAnswerEveryRequestUnderLoad() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String token = Api.createSeries("race-load", "raceload");
            Api.createAssignment(
                    "race-load", token, Api.assignment(INVITATION, "2024-08-01T00:00:00Z", "2024-08-10T00:00:00Z", 0));
            int participants = 5;
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < participants; i++) {
                String site = server.url("/load" + i);
                titles.add("Answer number " + i);
                server.serve(
                        "/load" + i + "/feed",
                        "application/rss+xml",
                        Feeds.wordpress(
                                site,
                                Feeds.wordpressItem(
                                        site + "/answer/",
                                        titles.get(i),
                                        "Mon, 05 Aug 2024 10:00:00 +0000",
                                        "raceload",
                                        "<p>My <a href=\"" + INVITATION + "\">answer</a>, the excerpt of blogger " + i
                                                + ".</p>")));
                Api.register("race-load", "Blogger " + i, site, server.url("/load" + i + "/feed"));
            }
            Api.pollSeries("race-load", token)
                    .statusCode(200)
                    .body("newResponses", org.hamcrest.Matchers.equalTo(participants));

            // Each answer must be the whole round-up, not just any 200.
            Map<String, List<String>> expected = Map.of(
                    "/api/series/race-load/assignments/1/roundup", titles,
                    "/series/race-load/1", titles,
                    "/series/race-load", List.of("Participants (" + participants + ")"));
            HttpClient client = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(4))
                    .build();
            List<String> paths = List.copyOf(expected.keySet());
            int requests = 3000;
            ExecutorService callers = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    String path = paths.get(i % paths.size());
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(30))
                            .build();
                    answers.add(callers.submit(() -> {
                        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                        boolean whole = answer.statusCode() == 200
                                && expected.get(path).stream().allMatch(answer.body()::contains);
                        return whole ? "whole" : path + " answered " + answer.statusCode();
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> a : answers) {
                    results.add(a.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).hasSize(requests).containsOnly("whole");
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
