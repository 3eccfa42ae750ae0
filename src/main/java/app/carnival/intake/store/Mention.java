package app.carnival.intake.store;

import app.carnival.response.Response;
import app.carnival.series.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A candidate response from an open intake (a Webmention, a pingback, a link on the invitation
 * page), one per (assignment, source post), and where its verification stands. Written through
 * {@link MentionQueue}; read here.
 */
@Entity
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    /** The intake that named the source, and the response source it becomes. */
    public enum Channel {
        WEBMENTION(Response.Source.WEBMENTION),
        PINGBACK(Response.Source.PINGBACK),
        /** Listed on the invitation page: a pingback, trackback or comment shown there. */
        COMMENT(Response.Source.COMMENT);

        private final Response.Source source;

        Channel(Response.Source source) {
            this.source = source;
        }

        public Response.Source responseSource() {
            return source;
        }
    }

    /** Where the verification of the source stands. */
    public enum Verification {
        QUEUED,
        /** The source answers the assignment: {@code response_id} is its response. */
        VERIFIED,
        REJECTED
    }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    public Assignment assignment;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "found_by")
    public String foundBy;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "source_key")
    public String sourceKey;

    @Column(name = "target_url")
    public String targetUrl;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    public String detail;

    @Column(name = "response_id")
    public Long responseId;

    public int attempts;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
