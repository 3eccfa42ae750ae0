package app.carnival.intake;

import app.carnival.background.Ticker;
import app.carnival.config.CarnivalConfig;
import app.carnival.content.CandidateKind;
import app.carnival.content.InvitationComments;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import app.carnival.intake.store.InvitationWatches;
import app.carnival.intake.store.Mention;
import app.carnival.intake.store.MentionQueue;
import app.carnival.security.Digests;
import app.carnival.url.UrlNormalizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jsoup.nodes.Document;

/**
 * Reads the comment section of each open assignment's invitation page (conditional GET, comment
 * pages followed, WordPress's REST comments when the page announces them) and queues every
 * candidate it names for verification, like a Webmention. Watches while the assignment is open and
 * through its grace period, then once more a day later. Fetch → extract → queue, with no
 * transaction open during a fetch.
 */
@ApplicationScoped
public class InvitationWatcher {

    private static final Logger LOG = Logger.getLogger(InvitationWatcher.class);

    /** Comment pages read per check, the invitation's own included: a hostile page cannot make it crawl a site. */
    static final int MAX_PAGES = 10;

    private static final int BATCH = 16;
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(6);

    /**
     * What one check of an invitation did.
     *
     * @param candidates URLs its comment section names
     * @param queued     of those, how many were queued for verification (none when the list is as last time)
     */
    public record Check(int assignment, String url, String result, int candidates, int queued) {}

    private final InvitationWatches watches;
    private final MentionQueue queue;
    private final HttpFetcher fetcher;
    private final CarnivalConfig.Intake config;
    private final InstantSource clock;
    private Ticker ticker;

    public InvitationWatcher(
            InvitationWatches watches,
            MentionQueue queue,
            HttpFetcher fetcher,
            CarnivalConfig config,
            InstantSource clock) {
        this.watches = watches;
        this.queue = queue;
        this.fetcher = fetcher;
        this.config = config.intake();
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            ticker = Ticker.surviving("invitation-tick", config.tick(), "Invitation check", this::checkDue);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        Ticker.stop(ticker);
    }

    /** Checks every invitation that is due, batch after batch. */
    public List<Check> checkDue() {
        watches.ensure(clock.instant());
        List<Check> done = new ArrayList<>();
        List<InvitationWatches.Claimed> batch;
        do {
            batch = watches.claimDue(clock.instant(), config.lease(), BATCH);
            batch.forEach(w -> done.add(check(w)));
        } while (batch.size() == BATCH);
        return done;
    }

    /** Checks the invitations of the series' open assignments now (a host's poll-now). */
    public List<Check> checkOpenOf(long seriesId) {
        watches.ensure(clock.instant());
        return watches.claimOpenOfSeries(seriesId, clock.instant(), config.lease()).stream()
                .map(this::check)
                .toList();
    }

    private Check check(InvitationWatches.Claimed w) {
        FetchResult page;
        try {
            page = fetcher.fetch(w.url(), HttpFetcher.PAGE_ACCEPT, w.etag(), w.lastModified());
        } catch (FetchException e) {
            return failed(w, null, "could not be fetched: " + e.getMessage());
        }
        if (page.notModified()) {
            record(w, w.etag(), w.lastModified(), null, 304, null, 0);
            return new Check(w.number(), w.url(), "not modified", 0, 0);
        }
        if (!page.ok()) {
            return failed(w, page.status(), "answered " + page.statusLine());
        }
        Map<String, InvitationComments.Candidate> listed = candidates(HtmlPages.parse(page), w.url());
        byte[] hash = hash(listed);
        int queued = Arrays.equals(hash, w.listedHash()) ? 0 : enqueue(w, listed);
        record(w, page.etag(), page.lastModified(), hash, page.status(), null, 0);
        return new Check(w.number(), w.url(), "checked", listed.size(), queued);
    }

    /** The candidates of the page, its comment pages and its REST comments, by normalized URL (first kind wins). */
    private Map<String, InvitationComments.Candidate> candidates(Document first, String invitation) {
        Map<String, InvitationComments.Candidate> all = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        seen.add(UrlNormalizer.normalize(invitation).orElse(invitation));
        Document page = first;
        int read = 0;
        while (page != null && read < MAX_PAGES) {
            read++;
            InvitationComments.Found found = InvitationComments.read(page, invitation);
            add(all, found.candidates());
            for (String url : found.nextPages()) {
                if (seen.add(UrlNormalizer.normalize(url).orElse(url))) {
                    next.add(url);
                }
            }
            if (read == 1) {
                InvitationComments.restCommentsUrl(page).ifPresent(rest -> add(all, restComments(rest, invitation)));
            }
            page = next.isEmpty() ? null : fetchPage(next.poll()).orElse(null);
        }
        return all;
    }

    private static void add(Map<String, InvitationComments.Candidate> all, List<InvitationComments.Candidate> found) {
        for (InvitationComments.Candidate c : found) {
            UrlNormalizer.normalize(c.url()).ifPresent(key -> all.putIfAbsent(key, c));
        }
    }

    private Optional<Document> fetchPage(String url) {
        try {
            FetchResult r = fetcher.fetchPage(url);
            return r.ok() ? Optional.of(HtmlPages.parse(r)) : Optional.empty();
        } catch (FetchException e) {
            return Optional.empty();
        }
    }

    private List<InvitationComments.Candidate> restComments(String url, String invitation) {
        try {
            FetchResult r = fetcher.fetch(url, "application/json", null, null);
            return r.ok()
                    ? InvitationComments.fromRestJson(new String(r.body(), StandardCharsets.UTF_8), invitation)
                    : List.of();
        } catch (FetchException e) {
            return List.of();
        }
    }

    /** Queues the listed candidates (again, for those seen before: the page changed), up to the queue cap. */
    private int enqueue(InvitationWatches.Claimed w, Map<String, InvitationComments.Candidate> listed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int queued = 0;
            long waiting = queue.waiting(w.assignmentId(), config.queueCapPerAssignment());
            for (Map.Entry<String, InvitationComments.Candidate> e : listed.entrySet()) {
                if (waiting + queued >= config.queueCapPerAssignment()) {
                    LOG.warnf("Invitation %s lists more candidates than the queue takes", w.url());
                    break;
                }
                MentionQueue.Candidate c = new MentionQueue.Candidate(
                        w.assignmentId(),
                        Mention.Channel.COMMENT,
                        foundBy(e.getValue().kind()),
                        e.getValue().url(),
                        e.getKey(),
                        w.url());
                if (queue.enqueue(c, clock.instant(), null).isPresent()) {
                    queued++;
                }
            }
            return queued;
        });
    }

    private Check failed(InvitationWatches.Claimed w, Integer status, String error) {
        int errors = w.errorCount() + 1;
        record(w, w.etag(), w.lastModified(), null, status, error, errors);
        return new Check(w.number(), w.url(), error, 0, 0);
    }

    private void record(
            InvitationWatches.Claimed w,
            String etag,
            String lastModified,
            byte[] hash,
            Integer status,
            String error,
            int errors) {
        Instant now = clock.instant();
        Optional<Instant> next = next(now, w.graceEndsAt(), errors, config.watchInterval());
        if (next.isEmpty()) {
            watches.end(w.assignmentId());
            return;
        }
        watches.record(
                new InvitationWatches.Checked(
                        w.assignmentId(), etag, lastModified, hash, status, error, errors, next.get()),
                now);
    }

    /**
     * Every {@code watch-interval} (longer after errors) until the grace period ends, a check at its
     * end, one more a day later, then none.
     */
    static Optional<Instant> next(Instant now, Instant graceEndsAt, int errors, Duration interval) {
        Instant last = graceEndsAt.plus(InvitationWatches.LAST_CHECK_AFTER);
        if (!now.isBefore(last)) {
            return Optional.empty();
        }
        if (!now.isBefore(graceEndsAt)) {
            return Optional.of(last);
        }
        Duration wait = interval.multipliedBy(1L << Math.min(errors, 10));
        Instant next = now.plus(wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait);
        return Optional.of(next.isAfter(graceEndsAt) ? graceEndsAt : next);
    }

    private static byte[] hash(Map<String, InvitationComments.Candidate> listed) {
        return Digests.sha256(
                String.join("\n", listed.keySet().stream().sorted().toList()));
    }

    static String foundBy(CandidateKind kind) {
        switch (kind) {
            case PINGBACK:
                return "found by pingback on the invitation";
            case TRACKBACK:
                return "found by trackback on the invitation";
            case COMMENT_AUTHOR:
                return "found as a commenter's website on the invitation";
            case COMMENT_LINK:
                return "found in a comment on the invitation";
            default:
                return "found as a mention on the invitation";
        }
    }
}
