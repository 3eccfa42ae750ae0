package app.carnival.feed.poll;

import app.carnival.feed.store.Feed;
import app.carnival.feed.store.FeedState;
import app.carnival.feed.store.FeedStateWriter;
import app.carnival.feed.store.PostStore;
import app.carnival.matching.Judge;
import app.carnival.response.ResponseWriter;
import app.carnival.response.Verdict;
import app.carnival.websub.rules.Hub;
import app.carnival.websub.store.Subscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;

/**
 * The record stage of a poll (or push) that changed posts: posts, responses, the feed's state and the
 * WebSub hub it announces, written in one short transaction. No network in here. The only writer of
 * polls' records: one thread takes the records the pollers hand it and writes those waiting together
 * in one transaction, as CommaFeed's FeedRefreshUpdater does. A transaction of its own per feed cost a
 * begin, a commit and a write of the feed's state, round trips to the database for each feed (PostgreSQL
 * spent 2 ms of CPU per feed of a changed cycle outside its statements, bench scenario changed). When a
 * batch fails, each of its records is written again alone, so a broken feed never rolls back another.
 */
@ApplicationScoped
public class FeedRecorder {

    private static final Logger LOG = Logger.getLogger(FeedRecorder.class);

    /** Records written in one transaction at most. */
    static final int MAX_BATCH = 16;

    /** How many posts and responses the transaction wrote. */
    record Written(int newPosts, int updatedPosts, int newResponses) {}

    /**
     * What a poll hands over to be written.
     *
     * @param judgements decisions keyed by the index of the entry in {@code changes.changed()}
     * @param pageLinks  post pages fetched, by entry key
     * @param hub        the WebSub hub the feed announces, to subscribe to unless it is already
     */
    record PollRecord(
            long feedId,
            FeedChanges changes,
            List<Judge.Judgement> judgements,
            Map<String, List<String>> pageLinks,
            FeedState state,
            Optional<Hub> hub) {}

    /** A record waiting to be written, and its poll waiting for what it wrote. */
    record Job(PollRecord record, CompletableFuture<Written> done) {}

    private final PostStore posts;
    private final ResponseWriter responses;
    private final FeedStateWriter states;
    private final EntityManager em;
    private final InstantSource clock;
    private final Subscriptions subscriptions;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Thread writer;

    public FeedRecorder(
            PostStore posts,
            ResponseWriter responses,
            FeedStateWriter states,
            EntityManager em,
            InstantSource clock,
            Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.posts = posts;
        this.responses = responses;
        this.states = states;
        this.em = em;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "feed-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes the record and returns what it wrote, once its transaction has committed. */
    Written record(PollRecord record) {
        if (!writer.isAlive()) {
            throw new IllegalStateException("the service is stopping");
        }
        Job job = new Job(record, new CompletableFuture<>());
        jobs.add(job);
        try {
            return job.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void writeLoop() {
        List<Job> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(jobs.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            jobs.drainTo(batch, MAX_BATCH - 1);
            try {
                write(batch);
            } catch (Throwable e) { // an Error: the writer goes on, and no poll waits for ever
                LOG.errorf(e, "Recording %d feeds failed", batch.size());
                batch.forEach(job -> job.done().completeExceptionally(e));
            }
            batch.clear();
        }
        // Stopped: the polls still waiting fail (their feeds are polled again when their leases end).
        jobs.drainTo(batch);
        batch.forEach(job -> job.done().completeExceptionally(new IllegalStateException("the service is stopping")));
    }

    /** Writes the records in one transaction, or each alone when that fails; completes each one's future. */
    void write(List<Job> batch) {
        try {
            List<Written> written = QuarkusTransaction.requiringNew().call(() -> writeAll(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(written.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.debugf("Recording %d feeds together failed (%s); recording each alone", batch.size(), e.getMessage());
            for (Job job : batch) {
                write(List.of(job));
            }
        }
    }

    private List<Written> writeAll(List<Job> batch) {
        Instant now = clock.instant();
        List<Written> written = new ArrayList<>();
        List<FeedState> feedStates = new ArrayList<>();
        for (Job job : batch) {
            PollRecord record = job.record();
            written.add(writePostsAndResponses(record, now));
            feedStates.add(record.state());
            record.hub().ifPresent(h -> subscriptions.discoveredInTransaction(record.feedId(), h, now));
        }
        states.writeInTransaction(feedStates);
        return written;
    }

    private Written writePostsAndResponses(PollRecord record, Instant now) {
        FeedChanges changes = record.changes();
        PostStore.Written written =
                posts.write(em.getReference(Feed.class, record.feedId()), changes.changed(), record.pageLinks());
        List<Verdict> verdicts = record.judgements().stream()
                // A post inserted just now has no response a verdict could undo.
                .filter(j -> j.decision().matched() || !written.inserted().contains(key(changes, j)))
                .map(j -> Verdict.of(
                        j.decision(),
                        j.assignment().rule(),
                        written.ids().get(key(changes, j)),
                        changes.answerable().participantFor(j.assignment().assignmentId())))
                .toList();
        int newResponses = responses.write(verdicts, now);
        int created = (int)
                changes.changed().stream().filter(PostStore.Prepared::isNew).count();
        return new Written(created, changes.changed().size() - created, newResponses);
    }

    private static String key(FeedChanges changes, Judge.Judgement judgement) {
        return changes.changed().get((int) judgement.key()).key();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }
}
