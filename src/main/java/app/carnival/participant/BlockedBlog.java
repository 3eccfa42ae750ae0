package app.carnival.participant;

import app.carnival.series.Series;
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

/** A blog or feed address the host removed from a series and blocked from registering again. */
@Entity
@Table(name = "blocked_blog")
public class BlockedBlog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id")
    public Series series;

    /** The address normalized for comparison ({@code UrlNormalizer}): http/https, www. and a trailing slash do not matter. */
    @Column(name = "url_key")
    public String urlKey;

    public String url;

    /** Whose blog it was, to show the host. */
    public String name;

    public String reason;

    @Column(name = "blocked_at", insertable = false, updatable = false)
    public Instant blockedAt;
}
