package app.carnival.participant;

import app.carnival.feed.store.Feed;
import app.carnival.security.Caller;
import app.carnival.series.Series;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A blog enrolled in one series. The same blog in two series is two participants sharing one feed. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    /** Registered by the blogger (with a token), or created by an intake that found a response (no token). */
    public enum Origin {
        REGISTERED,
        DISCOVERED
    }

    /** Whether the participant takes part, or registered in a series under review and waits for its host. */
    public enum Status {
        APPROVED,
        /** Not polled on its behalf, not listed publicly, no responses nor mails, until the host approves it. */
        PENDING
    }

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

    /** Null for a discovered participant: only the host can act on it. */
    @Column(name = "token_hash")
    public byte[] tokenHash;

    /** Where reminders go; null when the participant wants none (or unsubscribed). Never shown. */
    public String email;

    /** The IANA zone the participant's reminders are timed in. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    @Enumerated(EnumType.STRING)
    public Origin origin = Origin.REGISTERED;

    @Enumerated(EnumType.STRING)
    public Status status = Status.APPROVED;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** Participant self-service: unauthenticated without a token, forbidden unless it is this participant's or the series host's. */
    public void requireSelfOrHost(Caller caller) {
        caller.require("this participant's token or the series' host token", tokenHash, series.hostTokenHash);
    }

    /** Whether the caller holds this participant's token or the series' host token. */
    public boolean isSelfOrHost(Caller caller) {
        return caller.holds(tokenHash) || caller.holds(series.hostTokenHash);
    }

    /** Poll-now: this participant, the series' host, or a guest host of the series (their hashes given). */
    public void requireSelfOrHostOrGuest(Caller caller, List<byte[]> guestTokenHashes) {
        List<byte[]> accepted = new ArrayList<>(guestTokenHashes);
        accepted.add(tokenHash);
        accepted.add(series.hostTokenHash);
        caller.require(
                "this participant's token, the series' host token or a guest host token of the series", accepted);
    }
}
