package app.carnival.series;

import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchRule;
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

/** One edition of a series: the invitation, its questions and its response window. */
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
