package app.carnival.series;

import app.carnival.security.BearerAuth;
import app.carnival.web.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

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

    public static Optional<Series> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The series, or a 404 problem. */
    public static Series require(String slug) {
        return findBySlug(slug).orElseThrow(() -> Problems.notFound("No series with slug '" + slug + "'."));
    }

    /** Host actions: 401 without a token, 403 with a token that is not this series' host token. */
    public void requireHost(String authorization) {
        BearerAuth.require(authorization, "the host token of series '" + slug + "'", hostTokenHash);
    }
}
