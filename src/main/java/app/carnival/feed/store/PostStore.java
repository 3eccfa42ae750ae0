package app.carnival.feed.store;

import app.carnival.security.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import app.carnival.content.EntryContent;
import app.carnival.feed.parse.ParsedEntry;

/**
 * Stores a feed's entries as posts, idempotently: one post per (feed, guid), an entry whose content
 * hash is unchanged costs no write, an edited entry updates its post.
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

    /** What an upsert changed. */
    public record Changes(List<Post> created, List<Post> updated) {
        public List<Post> all() {
            List<Post> all = new ArrayList<>(created);
            all.addAll(updated);
            return all;
        }
    }

    /** Must run inside a transaction. Entries repeating a guid already seen in the same feed body are ignored. */
    public Changes upsert(Feed feed, List<ParsedEntry> entries, Instant now) {
        Map<String, ParsedEntry> byGuid = new LinkedHashMap<>();
        for (ParsedEntry e : entries) {
            byGuid.putIfAbsent(key(e.guid()), e);
        }
        if (byGuid.isEmpty()) {
            return new Changes(List.of(), List.of());
        }
        // Hashes only: the usual poll finds most entries unchanged and must not load their content.
        Map<String, byte[]> storedHashes = new HashMap<>();
        for (Object[] row : Post.getEntityManager()
                .createQuery("select p.guid, p.contentHash from Post p where p.feed = ?1 and p.guid in ?2", Object[].class)
                .setParameter(1, feed).setParameter(2, byGuid.keySet()).getResultList()) {
            storedHashes.put((String) row[0], (byte[]) row[1]);
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        for (Map.Entry<String, ParsedEntry> item : byGuid.entrySet()) {
            byte[] hash = contentHash(item.getValue());
            if (!Arrays.equals(storedHashes.get(item.getKey()), hash)) {
                changed.put(item.getKey(), hash);
            }
        }
        List<String> edited = changed.keySet().stream().filter(storedHashes::containsKey).toList();
        Map<String, Post> existing = edited.isEmpty() ? Map.of()
                : Post.<Post>list("feed = ?1 and guid in ?2", feed, edited).stream()
                        .collect(Collectors.toMap(p -> p.guid, Function.identity()));
        List<Post> created = new ArrayList<>();
        List<Post> updated = new ArrayList<>();
        for (Map.Entry<String, byte[]> item : changed.entrySet()) {
            Post post = existing.get(item.getKey());
            boolean isNew = post == null;
            if (isNew) {
                post = new Post();
                post.feed = feed;
                post.guid = item.getKey();
                post.firstSeenAt = now;
            }
            fill(post, byGuid.get(item.getKey()), item.getValue());
            if (isNew) {
                post.persist();
                created.add(post);
            } else {
                updated.add(post);
            }
        }
        return new Changes(created, updated);
    }

    private static void fill(Post post, ParsedEntry entry, byte[] hash) {
        post.url = entry.url() != null && entry.url().length() <= MAX_URL ? entry.url() : null;
        post.title = entry.title() == null ? "" : entry.title();
        post.author = truncate(entry.author(), MAX_AUTHOR);
        // An entry without dates keeps the time it was first seen, so re-polls do not move it.
        post.publishedAt = Objects.requireNonNullElse(entry.published(), post.firstSeenAt);
        post.updatedAt = entry.updated();
        post.categories = entry.categories().toArray(String[]::new);
        EntryContent content = EntryContent.of(entry.contentHtml(), entry.baseUrl() != null ? entry.baseUrl() : entry.url());
        post.content = content.safeHtml();
        post.text = content.text();
        post.links = content.links().toArray(String[]::new);
        post.summaryOnly = entry.summaryOnly();
        // The page may have changed with the entry: look at it again if it is needed.
        post.pageLinks = null;
        post.contentHash = hash;
    }

    static String key(String guid) {
        return guid.getBytes(StandardCharsets.UTF_8).length <= MAX_GUID_BYTES ? guid
                : "sha256:" + HexFormat.of().formatHex(Digests.sha256(guid));
    }

    static byte[] contentHash(ParsedEntry e) {
        String joined = String.join("\u0000", String.valueOf(e.url()), String.valueOf(e.title()), String.valueOf(e.author()),
                String.valueOf(e.published()), String.valueOf(e.updated()), String.join("\u0001", e.categories()),
                String.valueOf(e.contentHtml()), String.valueOf(e.summaryOnly()), String.valueOf(e.baseUrl()));
        return Digests.sha256(joined);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
