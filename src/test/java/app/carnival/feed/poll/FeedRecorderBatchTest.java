package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.feed.parse.ParsedEntry;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.PostStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The recorder writes the records waiting together in one transaction, and a broken one alone. */
@QuarkusTest
class FeedRecorderBatchTest {

    @Inject
    FeedRecorder recorder;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void recordsWaitingTogetherAreWrittenInOneTransaction() throws SQLException {
        long a = feed("https://batch-a.example/feed");
        long b = feed("https://batch-b.example/feed");
        FeedRecorder.Job jobA = job(a);
        FeedRecorder.Job jobB = job(b);

        recorder.write(List.of(jobA, jobB));

        assertThat(jobA.done().join()).isEqualTo(new FeedRecorder.Written(1, 0, 0));
        assertThat(jobB.done().join()).isEqualTo(new FeedRecorder.Written(1, 0, 0));
        assertThat(strings("SELECT DISTINCT xmin::text FROM post WHERE feed_id IN (" + a + ", " + b + ")"))
                .hasSize(1);
        assertThat(strings("SELECT last_status::text FROM feed WHERE id IN (" + a + ", " + b + ")"))
                .containsExactly("200", "200");
    }

    @Test
    void aBrokenRecordFailsAloneAndTheOthersOfItsBatchAreWritten() throws SQLException {
        long kept = feed("https://batch-kept.example/feed");
        long gone = feed("https://batch-gone.example/feed");
        update("DELETE FROM feed WHERE id = " + gone); // its posts now break the foreign key
        long after = feed("https://batch-after.example/feed");
        FeedRecorder.Job first = job(kept);
        FeedRecorder.Job broken = job(gone);
        FeedRecorder.Job last = job(after);

        recorder.write(List.of(first, broken, last));

        assertThat(first.done().join()).isEqualTo(new FeedRecorder.Written(1, 0, 0));
        assertThat(last.done().join()).isEqualTo(new FeedRecorder.Written(1, 0, 0));
        assertThat(broken.done()).isCompletedExceptionally();
        assertThat(strings("SELECT count(*)::text FROM post WHERE feed_id IN (" + kept + ", " + after + ")"))
                .containsExactly("2");
        assertThat(strings("SELECT count(*)::text FROM post WHERE feed_id = " + gone))
                .containsExactly("0");
    }

    private static FeedRecorder.Job job(long feedId) {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        String url = "https://feed" + feedId + ".example/post";
        ParsedEntry entry = new ParsedEntry(
                url, url, "Post", "Ann", now.minus(Duration.ofDays(1)), null, List.of(), "<p>Text.</p>", false, url);
        List<PostStore.Prepared> changed = PostStore.prepare(PostStore.byKey(List.of(entry)), Map.of(), now);
        FeedState state = new FeedState.Fetched(
                feedId,
                200,
                now,
                now.plus(Duration.ofHours(1)),
                new FeedState.Validators(null, null),
                new byte[32],
                null,
                null);
        return new FeedRecorder.Job(
                new FeedRecorder.PollRecord(
                        feedId,
                        new FeedChanges(changed, Answerable.NONE),
                        List.of(),
                        Map.of(),
                        state,
                        Optional.empty()),
                new CompletableFuture<>());
    }

    private long feed(String url) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO feed (url) VALUES (?) RETURNING id")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
