package app.carnival.feed.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A feed URL and its polling state, shared by every participant that points at it. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;
    public String title;
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "last_error")
    public String lastError;

    public boolean paused;

    @Column(name = "paused_reason")
    public String pausedReason;
}
