package app.carnival.series;

import app.carnival.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A blog carnival (the meme), owned by the holder of its host token. */
@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    public String description;
    public String hashtag;

    @Column(name = "home_url")
    public String homeUrl;

    @Column(name = "host_token_hash")
    public byte[] hostTokenHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Host actions: unauthenticated without a token, forbidden with a token that is not this series' host token. */
    public void requireHost(Caller caller) {
        caller.require("the host token of series '" + slug + "'", hostTokenHash);
    }
}
