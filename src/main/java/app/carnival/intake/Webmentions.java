package app.carnival.intake;

import app.carnival.config.CarnivalConfig;
import app.carnival.errors.DomainException;
import app.carnival.errors.MalformedRequest;
import app.carnival.errors.NotFound;
import app.carnival.errors.RateLimited;
import app.carnival.intake.store.Mention;
import app.carnival.intake.store.MentionQueue;
import app.carnival.metrics.CarnivalMetrics;
import app.carnival.participant.ParticipantRepository;
import app.carnival.response.Response;
import app.carnival.series.Assignment;
import app.carnival.url.UrlNormalizer;
import app.carnival.url.WebUrl;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives Webmentions (W3C Webmention, receiver §3.2): checks the request synchronously (URLs,
 * target, limits), queues the source for verification and answers with its status; verification
 * happens later, from the queue ({@link MentionWorker}).
 */
@ApplicationScoped
public class Webmentions {

    /** As long as any URL the API accepts. */
    static final int MAX_URL = 2048;

    private final Targets targets;
    private final MentionQueue queue;
    private final IntakeLimits limits;
    private final CarnivalConfig.Intake config;
    private final InstantSource clock;
    private final CarnivalMetrics metrics;

    public Webmentions(
            Targets targets,
            MentionQueue queue,
            IntakeLimits limits,
            CarnivalConfig config,
            InstantSource clock,
            CarnivalMetrics metrics) {
        this.metrics = metrics;
        this.targets = targets;
        this.queue = queue;
        this.limits = limits;
        this.config = config.intake();
        this.clock = clock;
    }

    void countFromZero(@Observes StartupEvent started) {
        metrics.expectWebmentions(Arrays.stream(WebmentionOutcome.values()).map(WebmentionOutcome::label));
    }

    /** A source and target that passed the synchronous checks, with the assignment the target names. */
    record Checked(String source, String sourceKey, String target, Assignment assignment) {}

    /** Queues (or re-queues) the Webmention; returns the id of its status resource. */
    public UUID receive(String source, String target, String clientAddress) {
        try {
            UUID id = queued(
                    check(source, target, clientAddress), Mention.Channel.WEBMENTION, "found by Webmention", null);
            metrics.webmentionReceived(WebmentionOutcome.QUEUED.label());
            return id;
        } catch (RateLimited e) {
            metrics.webmentionReceived(WebmentionOutcome.RATE_LIMITED.label());
            throw e;
        } catch (DomainException e) {
            metrics.webmentionReceived(WebmentionOutcome.REFUSED.label());
            throw e;
        }
    }

    /**
     * The checks every intake request passes before anything is stored: both URLs http(s) and not too
     * long, different, the client and source host within their limits, the target an assignment.
     */
    Checked check(String source, String target, String clientAddress) {
        WebUrl sourceUrl = httpUrl("source", source);
        httpUrl("target", target);
        String sourceKey = UrlNormalizer.normalize(source.strip()).orElseThrow();
        if (sourceKey.equals(UrlNormalizer.normalize(target.strip()).orElse(null))) {
            throw new MalformedRequest("source", "must be a different page than target");
        }
        limits.admit(clientAddress, ParticipantRepository.site(sourceUrl));
        Assignment a = QuarkusTransaction.requiringNew()
                .call(() -> targets.resolve(target.strip()).orElse(null));
        if (a == null) {
            throw new MalformedRequest(
                    "target",
                    "is neither the invitation of an assignment (nor one of its aliases) nor an assignment page of"
                            + " this Carnival");
        }
        return new Checked(source.strip(), sourceKey, target.strip(), a);
    }

    /**
     * Queues the checked source, in its own transaction, refusing it when the assignment's queue is full.
     *
     * @param claimFor see {@link MentionQueue#enqueue}
     */
    UUID queued(Checked c, Mention.Channel channel, String foundBy, Duration claimFor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Mention> known = Mention.<Mention>find(
                            "assignment.id = ?1 and sourceKey = ?2", c.assignment().id, c.sourceKey())
                    .firstResultOptional();
            if (known.isEmpty()
                    && queue.waiting(c.assignment().id, config.queueCapPerAssignment())
                            >= config.queueCapPerAssignment()) {
                throw new RateLimited(
                        "Too many candidates wait for verification for this assignment; try again later.",
                        Duration.ofMinutes(5));
            }
            MentionQueue.Candidate candidate = new MentionQueue.Candidate(
                    c.assignment().id, channel, foundBy, c.source(), c.sourceKey(), c.target());
            // Empty while a verification of this source is under way: that one reads the page as it is now.
            return queue.enqueue(candidate, clock.instant(), claimFor).orElseGet(() -> known.orElseThrow().id);
        });
    }

    /** The status resource of a Webmention, by the id in its URL. */
    public MentionStatus status(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No Webmention with id '" + id + "'.");
        }
        return status(uuid);
    }

    public MentionStatus status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Mention m = Mention.findById(id);
            if (m == null) {
                throw new NotFound("No Webmention with id '" + id + "'.");
            }
            return statusOf(m, m.responseId == null ? null : Response.findById(m.responseId));
        });
    }

    static MentionStatus statusOf(Mention m, Response r) {
        MentionStatus.Status status;
        String detail = m.detail;
        switch (m.verification) {
            case QUEUED:
                status = MentionStatus.Status.QUEUED;
                detail = m.attempts == 0 ? "waiting for verification" : "will try again: " + m.detail;
                break;
            case REJECTED:
                status = MentionStatus.Status.REJECTED;
                break;
            default:
                if (r == null) {
                    status = MentionStatus.Status.REJECTED;
                    detail = "the response was removed";
                } else if (r.state == Response.State.HIDDEN) {
                    status = MentionStatus.Status.REJECTED;
                    detail = "the host rejected this response";
                } else if (r.state == Response.State.PENDING) {
                    status = MentionStatus.Status.PENDING;
                } else {
                    status = MentionStatus.Status.ACCEPTED;
                }
        }
        return new MentionStatus(
                m.id, status, m.channel, detail, m.sourceUrl, m.targetUrl, r == null ? null : r.id, m.updatedAt);
    }

    private static WebUrl httpUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedRequest(field, "is required (form-encoded, as Webmention senders send it)");
        }
        if (value.length() > MAX_URL) {
            throw new MalformedRequest(field, "is longer than " + MAX_URL + " characters");
        }
        return WebUrl.tryParse(value.strip())
                .filter(u -> u.scheme().equals("http") || u.scheme().equals("https"))
                .orElseThrow(() -> new MalformedRequest(field, "must be an absolute http(s) URL"));
    }
}
