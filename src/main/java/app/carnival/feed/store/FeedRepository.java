package app.carnival.feed.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    /** The feed row for this URL, created if new; safe when two registrations race for the same URL. */
    public Feed findOrCreate(String url) {
        em.createNativeQuery("INSERT INTO feed (url) VALUES (?1) ON CONFLICT (url) DO NOTHING")
                .setParameter(1, url)
                .executeUpdate();
        return findByUrl(url).orElseThrow();
    }
}
