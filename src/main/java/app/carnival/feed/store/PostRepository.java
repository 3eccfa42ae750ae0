package app.carnival.feed.store;

import app.carnival.series.Series;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Data access for posts (the writes are {@link PostStore}'s). */
@ApplicationScoped
public class PostRepository {

    /** The feed's newest posts first. */
    public List<Post> recentOfFeed(Feed feed, int limit) {
        return Post.find("feed = ?1 order by publishedAt desc, id desc", feed)
                .page(0, limit)
                .list();
    }

    public List<Post> ofFeedPublishedBetween(Feed feed, Instant from, Instant to) {
        return Post.list("feed = ?1 and publishedAt between ?2 and ?3", feed, from, to);
    }

    /** Posts of these feeds published in the window, in publication order. */
    public List<Post> ofFeedsPublishedBetween(Collection<Long> feedIds, Instant from, Instant to) {
        return Post.list("feed.id in ?1 and publishedAt between ?2 and ?3 order by publishedAt, id", feedIds, from, to);
    }

    /** A post at this address in the feeds of the series' participants (the oldest when several). */
    public Optional<Post> atUrlInSeries(Series series, String url) {
        return Post.find(
                        "url = ?1 and feed in (select p.feed from Participant p where p.series = ?2) order by id",
                        url,
                        series)
                .firstResultOptional();
    }

    public Optional<Post> atUrlInFeed(Feed feed, String url) {
        return Post.find("feed = ?1 and url = ?2", feed, url).firstResultOptional();
    }

    /** The post, if it is in the feed of one of the series' participants. */
    public Optional<Post> inSeries(Series series, long postId) {
        return Post.find("id = ?1 and feed in (select p.feed from Participant p where p.series = ?2)", postId, series)
                .firstResultOptional();
    }

    /** The stored posts of this feed with these keys (guids). */
    List<Post> withKeys(Feed feed, Collection<String> keys) {
        return Post.list("feed = ?1 and guid in ?2", feed, keys);
    }

    /** The feed's posts stored from their own web page (keyed by their URL), which a feed entry may take over. */
    List<Post> pageKeyed(Feed feed) {
        return Post.list("feed = ?1 and guid = url", feed);
    }
}
