package app.carnival.response;

import app.carnival.feed.store.Post;
import app.carnival.participant.Participant;
import app.carnival.series.Assignment;
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

/** A post matched (or added by the host) to an assignment; at most one per (assignment, post). */
@Entity
@Table(name = "response")
public class Response extends PanacheEntityBase {

    /** Curation state: matched automatically, hidden by the host, or added by the host. */
    public enum State {
        AUTO,
        HIDDEN,
        MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    public Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "participant_id")
    public Participant participant;

    @Column(name = "by_link")
    public boolean byLink;

    @Column(name = "by_tag")
    public boolean byTag;

    public boolean late;

    /** Added by the host (by URL or from a near-miss): restoring it from HIDDEN makes it MANUAL again. */
    @Column(name = "added_by_host")
    public boolean addedByHost;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "matched_at")
    public Instant matchedAt;
}
