package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.carnival.feed.poll.PollScheduler;
import app.carnival.feed.store.ClaimedFeed;
import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedClaimer;
import app.carnival.testing.FeedServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Posts change between polls; feeds are shared; the scheduler claims each due feed once. */
@QuarkusTest
class RepollTest {

    static final String INVITATION = "https://host.example/2024/06/invite";

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    PollScheduler scheduler;

    @Inject
    FeedClaimer claimer;

    static String feedWith(String title, String content) {
        String site = server.url("/edit");
        return Feeds.wordpress(
                site,
                Feeds.wordpressItem(site + "/post-1/", title, "Mon, 03 Jun 2024 10:00:00 +0000", "Misc", content));
    }

    @Test
    void editedPostUpdatesAndGainingTheLinkMakesItAResponse() {
        String token = Api.createSeries("repoll", "tsql2sday");
        Api.createAssignment(
                        "repoll", token, Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0))
                .statusCode(201);
        server.serve("/edit/feed", "application/rss+xml", feedWith("Draft thoughts", "<p>No link yet.</p>"));
        long id = Api.register("repoll", "Eve", server.url("/edit"), server.url("/edit/feed"));

        Api.pollSeries("repoll", token)
                .statusCode(200)
                .body("outcomes[0].newPosts", equalTo(1))
                .body("newResponses", equalTo(0));
        given().get("/api/series/repoll/assignments/1/roundup").then().body("count", equalTo(0));
        given().get("/api/participants/" + id)
                .then()
                .body("recentPosts[0].assignments[0].reason", org.hamcrest.Matchers.containsString("no link"));

        server.serve(
                "/edit/feed",
                "application/rss+xml",
                feedWith("Final answer", "<p>Now answering <a href=\"" + INVITATION + "\">the invitation</a>.</p>"));
        Api.pollSeries("repoll", token)
                .statusCode(200)
                .body("outcomes[0].newPosts", equalTo(0))
                .body("outcomes[0].updatedPosts", equalTo(1))
                .body("newResponses", equalTo(1));
        given().get("/api/series/repoll/assignments/1/roundup")
                .then()
                .body("responses.title", contains("Final answer"))
                .body("responses[0].excerpt", equalTo("Now answering the invitation."));

        server.serve(
                "/edit/feed",
                "application/rss+xml",
                feedWith(
                        "Final answer (edited)",
                        "<p>Now answering <a href=\"" + INVITATION + "\">the invitation</a>, with more.</p>"));
        Api.pollSeries("repoll", token).statusCode(200).body("newResponses", equalTo(0));
        given().get("/api/series/repoll/assignments/1/roundup")
                .then()
                .body("count", equalTo(1))
                .body("responses.title", contains("Final answer (edited)"))
                .body("responses[0].excerpt", equalTo("Now answering the invitation, with more."));

        // Taking the link out again removes the automatic response: never a false one.
        server.serve("/edit/feed", "application/rss+xml", feedWith("Final answer (edited)", "<p>Link removed.</p>"));
        Api.pollSeries("repoll", token).statusCode(200);
        given().get("/api/series/repoll/assignments/1/roundup").then().body("count", equalTo(0));
    }

    /**
     * The second poll maps only the two new entries, yet learns the rhythm from all four dates: from the new
     * ones alone it would be 17 days, from all four it is the 1 day of most gaps. That it does not map the
     * known ones shows in a stored hash made wrong behind its back: a poll that mapped A would rewrite A's post.
     */
    @Test
    void aFeedWithNewPostsMapsOnlyThemAndStillKnowsEveryEntrysDate() {
        String token = Api.createSeries("known-entries", "knownentries");
        String site = server.url("/known");
        String a = Feeds.wordpressItem(site + "/a/", "A", "Sat, 01 Jun 2024 10:00:00 +0000", "Misc", "<p>a</p>");
        String b = Feeds.wordpressItem(site + "/b/", "B", "Sun, 02 Jun 2024 10:00:00 +0000", "Misc", "<p>b</p>");
        server.serve("/known/feed", "application/rss+xml", Feeds.wordpress(site, b, a));
        long participant = Api.register("known-entries", "Kim", site, server.url("/known/feed"));
        String feed = "(SELECT feed_id FROM participant WHERE id = " + participant + ")";
        Api.pollSeries("known-entries", token).statusCode(200).body("outcomes[0].newPosts", equalTo(2));
        assertThat(SqlCounts.longValue("SELECT cardinality(entry_fingerprints) FROM feed WHERE id = " + feed))
                .isEqualTo(2);

        assertThat(SqlCounts.update("UPDATE post SET content_hash = '\\x00' WHERE url = '" + site + "/a/'"))
                .isEqualTo(1);

        String c = Feeds.wordpressItem(site + "/c/", "C", "Mon, 03 Jun 2024 10:00:00 +0000", "Misc", "<p>c</p>");
        String d = Feeds.wordpressItem(site + "/d/", "D", "Thu, 20 Jun 2024 10:00:00 +0000", "Misc", "<p>d</p>");
        server.serve("/known/feed", "application/rss+xml", Feeds.wordpress(site, d, c, b, a));
        Api.pollSeries("known-entries", token)
                .statusCode(200)
                .body("outcomes[0].entries", equalTo(4))
                .body("outcomes[0].newPosts", equalTo(2))
                .body("outcomes[0].updatedPosts", equalTo(0));

        assertThat(SqlCounts.longValue("SELECT cardinality(entry_fingerprints) FROM feed WHERE id = " + feed))
                .isEqualTo(4);
        assertThat(SqlCounts.longValue("SELECT count(*) FROM post WHERE feed_id = " + feed))
                .isEqualTo(4);
        assertThat(SqlCounts.longValue("SELECT posting_interval_seconds FROM feed WHERE id = " + feed))
                .isEqualTo(Duration.ofDays(1).toSeconds());
    }

    /** A body of more than a thousand entries keeps no fingerprints: it would bloat its feed's row. */
    @Test
    void aFeedOfMoreThanAThousandEntriesIsRememberedByNoFingerprint() {
        String token = Api.createSeries("long-feed", "longfeed");
        String site = server.url("/long");
        String[] items = new String[1_001];
        for (int i = 0; i < items.length; i++) {
            items[i] = Feeds.wordpressItem(
                    site + "/p" + i + "/", "P" + i, "Sat, 01 Jun 2024 10:00:00 +0000", "Misc", "<p>p</p>");
        }
        server.serve("/long/feed", "application/rss+xml", Feeds.wordpress(site, items));
        long participant = Api.register("long-feed", "Lee", site, server.url("/long/feed"));
        Api.pollSeries("long-feed", token).statusCode(200).body("outcomes[0].newPosts", equalTo(1_001));
        // an empty array, not NULL: the poll recorded that it remembers none (cardinality(NULL) would read as 0 too)
        assertThat(SqlCounts.longValue("SELECT count(*) FROM feed WHERE entry_fingerprints = '{}' AND id = "
                        + "(SELECT feed_id FROM participant WHERE id = " + participant + ")"))
                .isEqualTo(1);
    }

    @Test
    void anAssignmentCreatedAfterThePostsWereSeenPicksThemUp() {
        String token = Api.createSeries("late-assign", "lateassign");
        String site = server.url("/early");
        server.serve(
                "/early/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/a/",
                                "Tagged #lateassign",
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                "Misc",
                                "<p>hi</p>")));
        Api.register("late-assign", "Early", site, server.url("/early/feed"));
        Api.pollSeries("late-assign", token).statusCode(200).body("outcomes[0].newPosts", equalTo(1));

        Api.createAssignment(
                        "late-assign",
                        token,
                        Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0))
                .statusCode(201);
        given().get("/api/series/late-assign/assignments/1/roundup")
                .then()
                .body("responses.title", contains("Tagged #lateassign"))
                .body("responses[0].matchedBy", contains("TAG"));

        // The round-up is cached; an edit of the assignment itself shows at once.
        given().contentType("application/json")
                .header("Authorization", "Bearer " + token)
                .body("{\"title\":\"Renamed\",\"questions\":[\"Only one now?\"]}")
                .patch("/api/series/late-assign/assignments/1")
                .then()
                .statusCode(200);
        given().get("/api/series/late-assign/assignments/1/roundup")
                .then()
                .body("assignment.title", equalTo("Renamed"))
                .body("assignment.questions", contains("Only one now?"))
                .body("count", equalTo(1));
        given().get("/series/late-assign/1")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Renamed"))
                .body(org.hamcrest.Matchers.containsString("Only one now?"));

        // Moving the window away from the post takes it out of the round-up.
        given().contentType("application/json")
                .header("Authorization", "Bearer " + token)
                .body("{\"opensAt\":\"2024-07-01T00:00:00Z\",\"closesAt\":\"2024-07-10T00:00:00Z\"}")
                .patch("/api/series/late-assign/assignments/1")
                .then()
                .statusCode(200);
        given().get("/api/series/late-assign/assignments/1/roundup").then().body("count", equalTo(0));
        given().get("/series/late-assign/1")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Tagged #lateassign")));
    }

    @Test
    void aFeedSharedByTwoSeriesIsFetchedOncePerPollAndFeedsBoth() {
        String site = server.url("/shared");
        server.serve(
                "/shared/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/p/",
                                "Both #sharedone and #sharedtwo",
                                "Mon, 03 Jun 2024 10:00:00 +0000",
                                "Misc",
                                "<p>x</p>")));
        String one = Api.createSeries("shared-one", "sharedone");
        String two = Api.createSeries("shared-two", "sharedtwo");
        Api.createAssignment(
                "shared-one", one, Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0));
        Api.createAssignment(
                "shared-two", two, Api.assignment(INVITATION, "2024-06-01T00:00:00Z", "2024-06-10T00:00:00Z", 0));
        Api.register("shared-one", "Sam", site, server.url("/shared/feed"));
        Api.register("shared-two", "Sam", site, server.url("/shared/feed"));
        server.clearRequests(); // the first registration checked that the URL is a feed

        scheduler.pollDue();

        assertThat(server.requests("/shared/feed")).hasSize(1);
        given().get("/api/series/shared-one/assignments/1/roundup").then().body("responses", hasSize(1));
        given().get("/api/series/shared-two/assignments/1/roundup").then().body("responses", hasSize(1));
        // Polled feeds are not due again until their next poll time.
        scheduler.pollDue();
        assertThat(server.requests("/shared/feed")).hasSize(1);
    }

    @Test
    void aClaimedFeedIsNotClaimedTwiceUntilItsLeaseEnds() {
        String site = server.url("/lease");
        server.serve("/lease/feed", "application/rss+xml", Feeds.wordpress(site));
        Api.createSeries("lease", "lease");
        Api.register("lease", "Lee", site, server.url("/lease/feed"));
        Instant now = Instant.now();

        List<Long> first = claimer.claimDue(now, Duration.ofMinutes(5), 1000).stream()
                .map(ClaimedFeed::id)
                .toList();
        assertThat(first).isNotEmpty();
        assertThat(claimer.claimDue(now, Duration.ofMinutes(5), 1000))
                .extracting(ClaimedFeed::id)
                .doesNotContainAnyElementsOf(first);
        assertThat(claimer.claim(first.get(0), now, Duration.ofMinutes(5))).isEmpty();
        // A crashed instance's claim comes back once its lease has run out.
        assertThat(claimer.claimDue(now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5), 1000))
                .extracting(ClaimedFeed::id)
                .containsAll(first);

        // Hand the feeds back so that other tests can poll them.
        QuarkusTransaction.requiringNew()
                .run(() -> Feed.getEntityManager()
                        .createNativeQuery("UPDATE feed_schedule SET leased_until = NULL WHERE feed_id IN (?1)")
                        .setParameter(1, first)
                        .executeUpdate());
    }
}
