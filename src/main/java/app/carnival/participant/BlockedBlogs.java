package app.carnival.participant;

import app.carnival.errors.Forbidden;
import app.carnival.series.Series;
import app.carnival.url.UrlNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The addresses a host blocked from a series, compared in their normalized form. */
@ApplicationScoped
public class BlockedBlogs {

    /** Blocks an address (again: the earlier entry is kept) and returns its entry. */
    public BlockedBlog block(Series series, String url, String name, String reason) {
        String key = key(url);
        return BlockedBlog.<BlockedBlog>find("series = ?1 and urlKey = ?2", series, key)
                .firstResultOptional()
                .orElseGet(() -> {
                    BlockedBlog b = new BlockedBlog();
                    b.series = series;
                    b.urlKey = key;
                    b.url = url;
                    b.name = name;
                    b.reason = reason == null || reason.isBlank() ? null : reason.strip();
                    b.persist();
                    return b;
                });
    }

    public List<BlockedBlog> ofSeries(Series series) {
        return BlockedBlog.list("series = ?1 order by blockedAt, id", series);
    }

    /** The first entry among these addresses (blog, feed; nulls ignored) the series blocks, if any. */
    public Optional<BlockedBlog> find(Series series, String... urls) {
        List<String> keys =
                Stream.of(urls).filter(Objects::nonNull).map(BlockedBlogs::key).toList();
        return keys.isEmpty()
                ? Optional.empty()
                : BlockedBlog.<BlockedBlog>find("series = ?1 and urlKey in ?2", series, keys)
                        .firstResultOptional();
    }

    /** Forbidden when the series blocks any of these addresses, saying so and why. */
    public void refuseBlocked(Series series, String... urls) {
        find(series, urls).ifPresent(b -> {
            throw new Forbidden("The host of series '" + series.slug + "' removed the blog at " + b.url
                    + " and blocked it from registering again"
                    + (b.reason == null ? "." : ": " + b.reason)
                    + " Ask the host if you think this is a mistake.");
        });
    }

    private static String key(String url) {
        String trimmed = url.strip();
        return UrlNormalizer.normalize(trimmed).orElse(trimmed);
    }
}
