package app.carnival.participant;

import app.carnival.feed.store.Feed;
import app.carnival.series.Series;
import app.carnival.security.BearerAuth;
import app.carnival.web.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A blog enrolled in one series. The same blog in two series is two participants sharing one feed. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id")
    public Series series;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "feed_id")
    public Feed feed;

    public String name;

    @Column(name = "blog_url")
    public String blogUrl;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Participant self-service: 401 without a token, 403 unless it is this participant's or the series host's token. */
    public void requireSelfOrHost(String authorization) {
        BearerAuth.require(authorization, "this participant's token or the series' host token", tokenHash,
                series.hostTokenHash);
    }

    /** The participant with this id (as given in a URL), or a 404 problem. */
    public static Participant require(String id) {
        Participant p = null;
        try {
            p = findById(Long.parseLong(id));
        } catch (NumberFormatException e) {
            // not a number: no such participant
        }
        if (p == null) {
            throw Problems.notFound("No participant with id '" + id + "'.");
        }
        return p;
    }

    public static List<Participant> ofFeed(Feed feed) {
        return list("feed", feed);
    }

    public static List<Participant> ofSeries(Series series) {
        return list("series = ?1 order by name, id", series);
    }
}
