package app.carnival.series;

import app.carnival.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A blog carnival (the meme), owned by the holder of its host token. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    /** What becomes of a verified intake candidate from a blog that is not a participant yet. */
    public enum IntakePolicy {
        /** PENDING until the host approves it. */
        REVIEW,
        /** Accepted directly, as a feed match would be. */
        AUTO
    }

    /** Whether a blog that registers is polled at once or waits for the host's approval. */
    public enum RegistrationPolicy {
        /** Polled and listed at once. */
        OPEN,
        /** Its feed is fetched once to check it, then it waits, unpolled and unlisted, until the host approves it. */
        REVIEW
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    public String description;
    public String hashtag;

    @Column(name = "home_url")
    public String homeUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "intake_policy")
    public IntakePolicy intakePolicy = IntakePolicy.REVIEW;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_policy")
    public RegistrationPolicy registrationPolicy = RegistrationPolicy.OPEN;

    /** Publish each round-up by itself when its grace period ends. */
    @Column(name = "auto_publish")
    public boolean autoPublish;

    /** Days before each deadline the participants' reminders go out. */
    @Column(name = "reminder_days")
    public int reminderDays = SeriesRequest.DEFAULT_REMINDER_DAYS;

    /** Where the digest of failing feeds goes; null for none. Never shown publicly. */
    @Column(name = "host_email")
    public String hostEmail;

    @Column(name = "host_token_hash")
    public byte[] hostTokenHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Actions a guest host may take for the series too (poll its feeds), given the guest tokens' hashes. */
    public void requireHostOrGuest(Caller caller, List<byte[]> guestTokenHashes) {
        List<byte[]> accepted = new ArrayList<>(guestTokenHashes);
        accepted.add(hostTokenHash);
        caller.require(
                "the host token of series '" + slug + "' or a guest host token of one of its assignments", accepted);
    }

    /** Host actions: unauthenticated without a token, forbidden with a token that is not this series' host token. */
    public void requireHost(Caller caller) {
        caller.require("the host token of series '" + slug + "'", hostTokenHash);
    }
}
