package app.carnival.feed.store;

import app.carnival.content.EntryContent;
import app.carnival.feed.parse.ParsedEntry;
import app.carnival.matching.PostFacts;
import app.carnival.security.Digests;
import app.carnival.url.UrlNormalizer;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Stores a feed's entries as posts, idempotently: one post per (feed, guid), an entry whose content
 * hash is unchanged costs no write, an edited entry updates its post. In three steps so that the
 * poller can fetch post pages between them: {@link #stored} (read), {@link #prepare} (pure: what
 * changed, with its content extracted once), {@link #write} (in the record transaction).
 */
@ApplicationScoped
public class PostStore {

    /**
     * Guids longer than this in UTF-8 are keyed by their hash: (feed_id, guid) is a btree key, which
     * refuses entries over ~2.7 kB, and 2048 non-ASCII characters can take 8 kB. V5 rewrote stored keys alike.
     */
    private static final int MAX_GUID_BYTES = 1000;

    private static final int MAX_URL = 4096;
    private static final int MAX_AUTHOR = 500;

    private static final String INSERT =
            "INSERT INTO post (feed_id, guid, url, title, author, published_at, updated_at,"
                    + " categories, text, links, summary_only, page_links, content_hash, first_seen_at) VALUES ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** 14 parameters a row: 500 rows stay far below PostgreSQL's 65,535 parameters a statement. */
    private static final int INSERT_CHUNK = 500;

    private static final String HAS_PAGE_KEYED = "SELECT 1 FROM post WHERE feed_id = ? AND guid = url LIMIT 1";

    /** What is stored of an entry already seen: enough to tell whether it changed. */
    public record Stored(byte[] contentHash, Instant firstSeenAt) {}

    /**
     * A new or edited entry, ready to store: its key, content (text, links) and hash.
     *
     * @param firstSeenAt when the post was first seen (now for a new one)
     */
    public record Prepared(
            String key, ParsedEntry entry, EntryContent content, byte[] hash, boolean isNew, Instant firstSeenAt) {

        /** The post as the matcher sees it, the same as {@link Post#facts()} once stored. */
        public PostFacts facts() {
            return new PostFacts(
                    url(),
                    entry.title() == null ? "" : entry.title(),
                    content.text(),
                    content.links(),
                    entry.categories(),
                    published(),
                    entry.summaryOnly());
        }

        String url() {
            return entry.url() != null && entry.url().length() <= MAX_URL ? entry.url() : null;
        }

        /** An entry without dates keeps the time it was first seen, so re-polls do not move it. */
        Instant published() {
            return Objects.requireNonNullElse(entry.published(), firstSeenAt);
        }
    }

    private final EntityManager em;
    private final PostRepository repository;
    private final AgroalDataSource dataSource;

    public PostStore(EntityManager em, PostRepository repository, AgroalDataSource dataSource) {
        this.em = em;
        this.repository = repository;
        this.dataSource = dataSource;
    }

    /** Entries repeating a key already seen in the same feed body are ignored. */
    public static Map<String, ParsedEntry> byKey(List<ParsedEntry> entries) {
        Map<String, ParsedEntry> byKey = new LinkedHashMap<>();
        for (ParsedEntry e : entries) {
            byKey.putIfAbsent(key(e.guid()), e);
        }
        return byKey;
    }

    /**
     * Hashes only: the usual poll finds most entries unchanged and must not load their content. One
     * array parameter, so the statement is the same whatever the number of entries.
     */
    public Map<String, Stored> stored(long feedId, java.util.Collection<String> keys) {
        Map<String, Stored> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        // The pool's connection (the transaction's, in one): the poller reads this outside any transaction.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT guid, content_hash, first_seen_at FROM post WHERE feed_id = ? AND guid = ANY (?)")) {
            ps.setLong(1, feedId);
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(
                            rs.getString(1),
                            new Stored(rs.getBytes(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stored entries of feed " + feedId, e);
        }
        return stored;
    }

    /** The new and edited entries, their HTML parsed once (text, links). Pure. */
    public static List<Prepared> prepare(Map<String, ParsedEntry> byKey, Map<String, Stored> stored, Instant now) {
        return prepare(changes(byKey, stored), now);
    }

    /** An entry that is new or differs from its stored post; {@code before} is null for a new one. */
    public record Change(String key, ParsedEntry entry, byte[] hash, Stored before) {}

    /** The new and edited entries, found by content hash only (no HTML is parsed). Pure. */
    public static List<Change> changes(Map<String, ParsedEntry> byKey, Map<String, Stored> stored) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ParsedEntry> item : byKey.entrySet()) {
            byte[] hash = contentHash(item.getValue());
            Stored before = stored.get(item.getKey());
            if (before == null || !Arrays.equals(before.contentHash(), hash)) {
                changes.add(new Change(item.getKey(), item.getValue(), hash, before));
            }
        }
        return changes;
    }

    /** The changed entries with their HTML parsed once (text, links). Pure. */
    public static List<Prepared> prepare(List<Change> changes, Instant now) {
        return changes.stream()
                .map(c -> new Prepared(
                        c.key(),
                        c.entry(),
                        EntryContent.of(
                                c.entry().contentHtml(),
                                c.entry().baseUrl() != null
                                        ? c.entry().baseUrl()
                                        : c.entry().url()),
                        c.hash(),
                        c.before() == null,
                        c.before() == null ? now : c.before().firstSeenAt()))
                .toList();
    }

    /**
     * The posts written.
     *
     * @param ids      the ids of the posts written, by key
     * @param inserted the keys of the posts inserted (a new entry may instead take a post stored from its page over)
     */
    public record Written(Map<String, Long> ids, Set<String> inserted) {}

    /**
     * Inserts the new posts and updates the edited ones, in the caller's transaction. New posts go in
     * one multi-row INSERT, not through the ORM: a first poll writes dozens per feed, and the ORM's
     * per-entity work cost more than the database's.
     *
     * @param pageLinks main-content links of the posts whose pages were fetched, by key
     */
    public Written write(Feed feed, List<Prepared> changed, Map<String, List<String>> pageLinks) {
        List<String> edited =
                changed.stream().filter(p -> !p.isNew()).map(Prepared::key).toList();
        Map<String, Post> existing = edited.isEmpty()
                ? Map.of()
                : repository.withKeys(feed, edited).stream()
                        .collect(Collectors.toMap(p -> p.guid, Function.identity()));
        Map<String, Post> pageKeyed = pageKeyed(feed, changed);
        Map<String, Long> written = new LinkedHashMap<>();
        List<Prepared> inserts = new ArrayList<>();
        for (Prepared prepared : changed) {
            Post post = existing.get(prepared.key());
            if (post == null && !pageKeyed.isEmpty() && prepared.url() != null) {
                // Stored from its page by an intake or the host: the entry takes that post (and its responses) over.
                post = pageKeyed.remove(UrlNormalizer.normalize(prepared.url()).orElse(prepared.url()));
                if (post != null) {
                    post.guid = prepared.key();
                }
            }
            if (post == null) {
                inserts.add(prepared);
                written.put(prepared.key(), null); // keeps the entries' order; the id comes with the insert
            } else {
                fill(post, prepared, pageLinks.get(prepared.key()));
                written.put(prepared.key(), post.id);
            }
        }
        if (!inserts.isEmpty()) {
            // Updated entities first: the insert may reuse a guid an adopted post gave up.
            em.flush();
            written.putAll(em.unwrap(Session.class).doReturningWork(c -> insert(c, feed.id, inserts, pageLinks)));
        }
        return new Written(written, inserts.stream().map(Prepared::key).collect(Collectors.toSet()));
    }

    private static Map<String, Long> insert(
            Connection c, long feedId, List<Prepared> inserts, Map<String, List<String>> pageLinks)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < inserts.size(); from += INSERT_CHUNK) {
            List<Prepared> chunk = inserts.subList(from, Math.min(inserts.size(), from + INSERT_CHUNK));
            String sql =
                    INSERT + String.join(", ", Collections.nCopies(chunk.size(), INSERT_ROW)) + " RETURNING id, guid";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 0;
                for (Prepared p : chunk) {
                    ParsedEntry entry = p.entry();
                    List<String> page = pageLinks.get(p.key());
                    ps.setLong(++i, feedId);
                    ps.setString(++i, p.key());
                    ps.setString(++i, p.url());
                    ps.setString(++i, entry.title() == null ? "" : entry.title());
                    ps.setString(++i, truncate(entry.author(), MAX_AUTHOR));
                    ps.setTimestamp(++i, Timestamp.from(p.published()));
                    ps.setTimestamp(++i, entry.updated() == null ? null : Timestamp.from(entry.updated()));
                    ps.setArray(++i, c.createArrayOf("text", entry.categories().toArray()));
                    ps.setString(++i, p.content().text());
                    ps.setArray(++i, c.createArrayOf("text", p.content().links().toArray()));
                    ps.setBoolean(++i, entry.summaryOnly());
                    ps.setArray(++i, page == null ? null : c.createArrayOf("text", page.toArray()));
                    ps.setBytes(++i, p.hash());
                    ps.setTimestamp(++i, Timestamp.from(p.firstSeenAt()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Page-keyed posts of the feed by normalized URL, looked up only when a new entry has a URL that is not its key. */
    private Map<String, Post> pageKeyed(Feed feed, List<Prepared> changed) {
        boolean mayAdopt = changed.stream()
                .anyMatch(p -> p.isNew() && p.url() != null && !p.url().equals(p.key()));
        Map<String, Post> byUrl = new HashMap<>();
        if (mayAdopt && hasPageKeyed(feed.id)) {
            for (Post post : repository.pageKeyed(feed)) {
                byUrl.putIfAbsent(UrlNormalizer.normalize(post.url).orElse(post.url), post);
            }
        }
        return byUrl;
    }

    /**
     * A plain statement first, as most feeds have no such post: the ORM's query for them cost 2% of a first poll's CPU
     * (JFR, bench scenario first).
     */
    private boolean hasPageKeyed(long feedId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(HAS_PAGE_KEYED)) {
                ps.setLong(1, feedId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** All three steps at once, for a caller that has no page to fetch in between; returns the posts written. */
    public Map<String, Post> upsert(Feed feed, List<ParsedEntry> entries, Instant now) {
        Map<String, ParsedEntry> byKey = byKey(entries);
        Map<String, Post> posts = new LinkedHashMap<>();
        write(feed, prepare(byKey, stored(feed.id, byKey.keySet()), now), Map.of())
                .ids()
                .forEach((key, id) -> posts.put(key, em.find(Post.class, id)));
        return posts;
    }

    private static void fill(Post post, Prepared prepared, List<String> pageLinks) {
        ParsedEntry entry = prepared.entry();
        post.url = prepared.url();
        post.title = entry.title() == null ? "" : entry.title();
        post.author = truncate(entry.author(), MAX_AUTHOR);
        post.publishedAt = prepared.published();
        post.updatedAt = entry.updated();
        post.categories = entry.categories().toArray(String[]::new);
        post.text = prepared.content().text();
        post.links = prepared.content().links().toArray(String[]::new);
        post.summaryOnly = entry.summaryOnly();
        // The page may have changed with the entry: what was seen of it now, or nothing yet.
        post.pageLinks = pageLinks == null ? null : pageLinks.toArray(String[]::new);
        post.contentHash = prepared.hash();
    }

    static String key(String guid) {
        return guid.getBytes(StandardCharsets.UTF_8).length <= MAX_GUID_BYTES
                ? guid
                : "sha256:" + HexFormat.of().formatHex(Digests.sha256(guid));
    }

    static byte[] contentHash(ParsedEntry e) {
        String joined = String.join(
                "\u0000",
                String.valueOf(e.url()),
                String.valueOf(e.title()),
                String.valueOf(e.author()),
                String.valueOf(e.published()),
                String.valueOf(e.updated()),
                String.join("\u0001", e.categories()),
                String.valueOf(e.contentHtml()),
                String.valueOf(e.summaryOnly()),
                String.valueOf(e.baseUrl()));
        return Digests.sha256(joined);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
