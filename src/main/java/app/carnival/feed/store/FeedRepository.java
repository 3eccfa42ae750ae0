package app.carnival.feed.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/** Data access for feeds (polling state is written by {@link FeedStateWriter}). */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;

    public FeedRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Feed> findByUrl(String url) {
        return Feed.find("url", url).firstResultOptional();
    }

    /** The feed is due by {@code at} at the latest: a participant just started to follow it. */
    public void dueBy(Feed feed, Instant at) {
        em.createNativeQuery("UPDATE feed_schedule SET next_poll_at = ?2 WHERE feed_id = ?1 AND next_poll_at > ?2")
                .setParameter(1, feed.id)
                .setParameter(2, at)
                .executeUpdate();
    }

    /** The feed row for this URL, created if new; safe when two registrations race for the same URL. */
    public Feed findOrCreate(String url) {
        em.createNativeQuery("INSERT INTO feed (url) VALUES (?1) ON CONFLICT (url) DO NOTHING")
                .setParameter(1, url)
                .executeUpdate();
        return findByUrl(url).orElseThrow();
    }
}
