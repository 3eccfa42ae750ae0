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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The record stage of a poll (or push) that changed posts: posts, responses, the feed's state and the
 * WebSub hub it announces in one short
 * transaction of the feed's own, so a broken feed never rolls back another. No network in here.
 */
@ApplicationScoped
public class FeedRecorder {

    /** How many posts and responses the transaction wrote. */
    record Written(int newPosts, int updatedPosts, int newResponses) {}

    private final PostStore posts;
    private final ResponseWriter responses;
    private final FeedStateWriter states;
    private final EntityManager em;
    private final InstantSource clock;
    private final Subscriptions subscriptions;

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
    }

    /**
     * @param judgements decisions keyed by the index of the entry in {@code changes.changed()}
     * @param pageLinks  post pages fetched, by entry key
     * @param hub        the WebSub hub the feed announces, to subscribe to unless it is already
     */
    Written record(
            long feedId,
            FeedChanges changes,
            List<Judge.Judgement> judgements,
            Map<String, List<String>> pageLinks,
            FeedState state,
            Optional<Hub> hub) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // A lost commit only means the feed is polled again: no need to wait for the disk.
            // A plain statement: through a native query, Hibernate's parsing and flushing cost 2% of a first poll's
            // CPU.
            em.unwrap(Session.class).doWork(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL synchronous_commit TO OFF");
                }
            });
            PostStore.Written written = posts.write(em.getReference(Feed.class, feedId), changes.changed(), pageLinks);
            List<Verdict> verdicts = judgements.stream()
                    // A post inserted just now has no response a verdict could undo.
                    .filter(j -> j.decision().matched() || !written.inserted().contains(key(changes, j)))
                    .map(j -> {
                        long postId = written.ids().get(key(changes, j));
                        return Verdict.of(
                                j.decision(),
                                j.assignment().rule(),
                                postId,
                                changes.answerable()
                                        .participantFor(j.assignment().assignmentId()));
                    })
                    .toList();
            int newResponses = responses.write(verdicts, clock.instant());
            states.writeInTransaction(state);
            hub.ifPresent(h -> subscriptions.discoveredInTransaction(feedId, h, clock.instant()));
            int created = (int)
                    changes.changed().stream().filter(PostStore.Prepared::isNew).count();
            return new Written(created, changes.changed().size() - created, newResponses);
        });
    }

    private static String key(FeedChanges changes, Judge.Judgement judgement) {
        return changes.changed().get((int) judgement.key()).key();
    }
}
