package app.carnival.feed.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.SecondaryRow;

/**
 * A feed URL and its polling state, shared by every participant that points at it. Its schedule (when it was
 * polled, when it is due, who holds it, whether it is paused) is in a narrow table of its own, written by the
 * poller and created by the database with the feed row; here it is only read.
 */
@Entity
@Table(name = "feed")
@SecondaryTable(name = Feed.SCHEDULE, pkJoinColumns = @PrimaryKeyJoinColumn(name = "feed_id"))
@SecondaryRow(table = Feed.SCHEDULE, owned = false, optional = false)
public class Feed extends PanacheEntityBase {

    static final String SCHEDULE = "feed_schedule";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;
    public String title;
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_polled_at", table = SCHEDULE, insertable = false, updatable = false)
    public Instant lastPolledAt;

    @Column(name = "next_poll_at", table = SCHEDULE, insertable = false, updatable = false)
    public Instant nextPollAt;

    @Column(name = "leased_until", table = SCHEDULE, insertable = false, updatable = false)
    public Instant leasedUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "last_error")
    public String lastError;

    @Column(table = SCHEDULE, insertable = false, updatable = false)
    public boolean paused;

    @Column(name = "paused_reason")
    public String pausedReason;
}
