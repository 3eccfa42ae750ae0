package app.carnival.participant;

import app.carnival.errors.NotFound;
import app.carnival.feed.store.Feed;
import app.carnival.series.Series;
import app.carnival.url.WebUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Data access for participants; lists fetch each participant's feed in the same query. */
@ApplicationScoped
public class ParticipantRepository {

    /** The participant with this id (as given in a URL), its series and feed loaded, or not found. */
    public Participant require(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("No participant with id '" + id + "'.");
        }
        return Participant.<Participant>find(
                        "from Participant p join fetch p.series join fetch p.feed where p.id = ?1", n)
                .firstResultOptional()
                .orElseThrow(() -> new NotFound("No participant with id '" + id + "'."));
    }

    /** The series' participant with this id (as given in a URL), of any status, or not found. */
    public Participant requireInSeries(Series series, String id) {
        Participant p = require(id);
        if (!p.series.id.equals(series.id)) {
            throw new NotFound("Series '" + series.slug + "' has no participant with id '" + id + "'.");
        }
        return p;
    }

    public Participant byId(long id) {
        return Participant.findById(id);
    }

    /** The series' participants that take part: pending registrations are left out (see {@link #pendingOfSeries}). */
    public List<Participant> ofSeries(Series series) {
        return Participant.list(
                "from Participant p join fetch p.feed where p.series = ?1 and p.status = ?2 order by p.name, p.id",
                series,
                Participant.Status.APPROVED);
    }

    /** The registrations waiting for the host's approval, oldest first. */
    public List<Participant> pendingOfSeries(Series series) {
        return Participant.list(
                "from Participant p join fetch p.feed where p.series = ?1 and p.status = ?2 order by p.createdAt, p.id",
                series,
                Participant.Status.PENDING);
    }

    /** The series' participants of every status and origin: what its cap counts. */
    public long countInSeries(Series series) {
        return Participant.count("series", series);
    }

    /** The feed's host name (the database makes it from the URL: V15, V20) and how many of the series' participants follow a feed on it. */
    public record OnFeedHost(String host, long participants) {}

    public OnFeedHost onFeedHost(Series series, Feed feed) {
        Object[] row = (Object[]) Participant.getEntityManager()
                .createNativeQuery("SELECT f.host, (SELECT count(*) FROM participant p JOIN feed g ON g.id = p.feed_id"
                        + " WHERE p.series_id = ?1 AND g.host = f.host) FROM feed f WHERE f.id = ?2")
                .setParameter(1, series.id)
                .setParameter(2, feed.id)
                .getSingleResult();
        return new OnFeedHost((String) row[0], ((Number) row[1]).longValue());
    }

    public boolean isEnrolled(Series series, Feed feed) {
        return inSeries(series, feed).isPresent();
    }

    /** The series' participant whose blog is this feed, if any. */
    public Optional<Participant> inSeries(Series series, Feed feed) {
        return Participant.find("series = ?1 and feed = ?2", series, feed).firstResultOptional();
    }

    /**
     * The approved participant whose blog is on the post's host, trying each of the post's addresses in turn
     * (its canonical URL, the URL it was fetched from); the longest matching blog path wins when a
     * host has several blogs.
     */
    public Optional<Participant> ownerOf(Series series, List<String> postUrls) {
        Map<String, List<Blog>> blogsBySite = new HashMap<>();
        for (String postUrl : new LinkedHashSet<>(postUrls)) {
            Optional<WebUrl> post = WebUrl.tryParse(postUrl);
            if (post.isEmpty()) {
                continue; // a canonical link that is no http(s) URL: try the next address
            }
            String site = site(post.get());
            Optional<Blog> owner = blogsBySite.computeIfAbsent(site, s -> blogsOnSite(series, s)).stream()
                    .filter(b -> isUnder(post.get().path(), b.path()))
                    .max(Comparator.comparingInt((Blog b) -> b.path().length()));
            if (owner.isPresent()) {
                return Optional.of(byId(owner.get().participantId()));
            }
        }
        return Optional.empty();
    }

    /** An approved participant's blog: its address's path, without a trailing slash. */
    private record Blog(long participantId, String path) {}

    /**
     * The series' approved participants whose blog is on the site, read as ids and addresses only: the
     * query looks for the host in its ASCII or Unicode spelling (the few an exact comparison has to look
     * at, not the whole series), then each address is compared exactly. An intake asks at every source it
     * verifies, with up to three addresses of the post, most often on one site.
     */
    private List<Blog> blogsOnSite(Series series, String asciiHost) {
        String unicode = IDN.toUnicode(asciiHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        List<Object[]> rows = Participant.getEntityManager()
                .createQuery(
                        "select p.id, p.blogUrl from Participant p where p.series = ?1 and p.status = ?4"
                                + " and (locate(?2, lower(p.blogUrl)) > 0 or locate(?3, lower(p.blogUrl)) > 0)",
                        Object[].class)
                .setParameter(1, series)
                .setParameter(2, asciiHost)
                .setParameter(3, unicode)
                .setParameter(4, Participant.Status.APPROVED)
                .getResultList();
        List<Blog> blogs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            WebUrl.tryParse((String) row[1])
                    .filter(blog -> site(blog).equals(asciiHost))
                    .ifPresent(blog -> blogs.add(new Blog((Long) row[0], withoutTrailingSlash(blog.path()))));
        }
        return blogs;
    }

    /** Adds a discovered participant (no token) unless the series already has one for this feed; two intakes may race. */
    public void insertDiscovered(Series series, Feed feed, String name, String blogUrl) {
        Participant.getEntityManager()
                .createNativeQuery(
                        "INSERT INTO participant (series_id, feed_id, name, blog_url, origin) VALUES (?1, ?2, ?3, ?4,"
                                + " 'DISCOVERED') ON CONFLICT (series_id, feed_id) DO NOTHING")
                .setParameter(1, series.id)
                .setParameter(2, feed.id)
                .setParameter(3, name.length() > 200 ? name.substring(0, 200) : name)
                .setParameter(4, blogUrl)
                .executeUpdate();
    }

    /** Whether a post at {@code postPath} is on the blog at {@code blogPath} (no trailing slash): whole segments only. */
    static boolean isUnder(String postPath, String blogPath) {
        return blogPath.isEmpty() || postPath.equals(blogPath) || postPath.startsWith(blogPath + "/");
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The host in ASCII (a Unicode and a punycode spelling are one site), without a leading www. */
    public static String site(WebUrl url) {
        return url.host().startsWith("www.") ? url.host().substring(4) : url.host();
    }
}
