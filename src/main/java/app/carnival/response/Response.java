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

    /**
     * Curation state: matched automatically, hidden by the host, added by the host, or found by an
     * intake and waiting for the host's approval (not shown to readers).
     */
    public enum State {
        AUTO,
        HIDDEN,
        MANUAL,
        PENDING;

        /** Shown to readers: in the public round-up and its exports. */
        public boolean visible() {
            return this == AUTO || this == MANUAL;
        }
    }

    /** The channel that found the response first; a post found by several is one response. */
    public enum Source {
        FEED,
        WEBMENTION,
        PINGBACK,
        /** Found on the invitation page: a pingback, trackback or comment listed there. */
        COMMENT,
        HOST;

        /** Found by an open intake: verified on the post's own page, not from its feed entry. */
        public boolean intake() {
            return this == WEBMENTION || this == PINGBACK || this == COMMENT;
        }
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

    @Enumerated(EnumType.STRING)
    public Source source = Source.FEED;

    /** Why an intake decided as it did, for the host; null for feed matches and host additions. */
    public String reason;

    @Column(name = "matched_at")
    public Instant matchedAt;
}
