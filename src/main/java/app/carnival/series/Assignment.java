package app.carnival.series;

import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchRule;
import app.carnival.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One edition of a series: the invitation, its questions and its response window. Planned ahead with
 * a guest host, it may have no title and no invitation yet (until it opens).
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id")
    public Series series;

    public int number;
    public String title;

    @Column(name = "invitation_url")
    public String invitationUrl;

    @ElementCollection
    @CollectionTable(name = "assignment_alias", joinColumns = @JoinColumn(name = "assignment_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    public List<String> aliasUrls = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "assignment_question", joinColumns = @JoinColumn(name = "assignment_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> questions = new ArrayList<>();

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    public String timezone;

    @Column(name = "grace_minutes")
    public int graceMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule")
    public MatchRule matchRule;

    /** Overrides the series hashtag for this edition; null means the series' own. */
    public String hashtag;

    @Column(name = "roundup_intro")
    public String roundupIntro;

    /** The blogger hosting this edition for the series (host rotation); null when the series' host does. */
    @Column(name = "guest_host_name")
    public String guestHostName;

    @Column(name = "guest_host_url")
    public String guestHostUrl;

    /** Hash of the guest host's token, which acts on this assignment only; null until the series host issues one. */
    @Column(name = "guest_token_hash")
    public byte[] guestTokenHash;

    /** When the round-up was published (by the host, or at the end of the grace period); null before. */
    @Column(name = "roundup_published_at")
    public Instant roundupPublishedAt;

    /**
     * Bumped by a database trigger on every change to the assignment or its round-up (V4); read
     * only, never written from here. The calendar's SEQUENCE, so calendar apps take edits.
     */
    @Column(name = "roundup_version", insertable = false, updatable = false)
    public long roundupVersion;

    /**
     * Acting on this assignment (edit, curate, poll its feeds): the series' host token or this
     * assignment's guest host token. Unauthenticated without a token, forbidden with another one.
     */
    public void requireHostOrGuest(Caller caller) {
        caller.require(
                "the host token of series '" + series.slug + "' or the guest host token of its assignment " + number,
                series.hostTokenHash,
                guestTokenHash);
    }

    /** Whether the caller holds this assignment's guest host token (and not the series' host token). */
    public boolean isGuestHost(Caller caller) {
        return guestTokenHash != null && caller.holds(guestTokenHash);
    }

    /** The title, or words saying the topic is still to come (a planned edition). */
    public String displayTitle() {
        return title != null ? title : "Topic to be announced";
    }

    public String effectiveHashtag() {
        return hashtag != null ? hashtag : series.hashtag;
    }

    /** End of the window in which late entries are still accepted. */
    public Instant graceEndsAt() {
        return closesAt.plusSeconds(60L * graceMinutes);
    }

    public AssignmentCriteria criteria() {
        return new AssignmentCriteria(
                id, invitationUrl, aliasUrls, effectiveHashtag(), opensAt, closesAt, graceMinutes, matchRule);
    }

    /** The criteria with one more address a link-back may point at (Carnival's own page of the assignment). */
    public AssignmentCriteria criteriaAlsoLinking(String otherTarget) {
        List<String> targets = new ArrayList<>(aliasUrls);
        targets.add(otherTarget);
        return new AssignmentCriteria(
                id, invitationUrl, targets, effectiveHashtag(), opensAt, closesAt, graceMinutes, matchRule);
    }
}
