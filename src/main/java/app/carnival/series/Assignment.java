package app.carnival.series;

import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.MatchRule;
import app.carnival.web.Problems;
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
import java.util.Optional;

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

    public AssignmentCriteria criteria() {
        return new AssignmentCriteria(id, invitationUrl, aliasUrls, effectiveHashtag(), opensAt, closesAt,
                graceMinutes, matchRule);
    }

    /** The assignment, or 404 for an unknown series, a number that is not a positive integer, or no such number. */
    public static Assignment require(String slug, String number) {
        return require(Series.require(slug), number);
    }

    /** The series' assignment with this number (as given in a URL), or a 404 problem. */
    public static Assignment require(Series series, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw Problems.notFound("Assignment numbers are positive integers, not '" + number + "'.");
        }
        return find(series, n)
                .orElseThrow(() -> Problems.notFound("Series '" + series.slug + "' has no assignment number " + n + "."));
    }

    public static Optional<Assignment> find(Series series, int number) {
        return find("series = ?1 and number = ?2", series, number).firstResultOptional();
    }

    public static List<Assignment> ofSeries(Series series) {
        return list("series = ?1 order by number", series);
    }
}
