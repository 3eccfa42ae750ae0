package app.carnival.feed.store;

import app.carnival.matching.PostFacts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An entry seen in a feed, identified per feed by its guid (else its URL): its text and links, not its markup. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_ids")
    // Ids 50 at a time (the sequence's increment) so that a feed's new posts are inserted in one batch.
    @SequenceGenerator(name = "post_ids", sequenceName = "post_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "feed_id")
    public Feed feed;

    public String guid;
    public String url;
    public String title;
    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String[] categories;
    /** Plain text of the entry's content (or summary); the markup itself is not kept. */
    public String text;

    public String[] links;

    @Column(name = "summary_only")
    public boolean summaryOnly;

    @Column(name = "page_links")
    public String[] pageLinks;

    @Column(name = "content_hash")
    public byte[] contentHash;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    public PostFacts facts() {
        return new PostFacts(url, title, text, List.of(links), List.of(categories), publishedAt, summaryOnly);
    }

    public List<String> pageLinksOrNull() {
        return pageLinks == null ? null : List.of(pageLinks);
    }
}
