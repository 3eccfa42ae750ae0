package app.carnival.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The service's own meters, scraped at {@code /q/metrics} (Prometheus names in brackets). Counted per
 * instance, as Prometheus expects: a dashboard sums them over the instances.
 *
 * <ul>
 *   <li>{@code carnival.polls} [carnival_polls_total{result}]: polls by result (updated, not-modified, error, paused)
 *   <li>{@code carnival.fetch} [carnival_fetch_seconds histogram]: feed fetch time, headers and body
 *   <li>{@code carnival.fetch.body} [carnival_fetch_body_bytes]: bytes of the feed bodies fetched
 *   <li>{@code carnival.parse} / {@code carnival.record} [carnival_parse_seconds, carnival_record_seconds]
 *   <li>{@code carnival.responses.recorded} [carnival_responses_recorded_total{source}]: new responses by channel
 *   <li>{@code carnival.webmentions.received} [carnival_webmentions_received_total{outcome}]: Webmention requests
 *   <li>{@code carnival.websub.pushes} [carnival_websub_pushes_total{outcome}]: pushes from WebSub hubs
 * </ul>
 */
@ApplicationScoped
@Startup // its timers are on /q/metrics, at zero, before the first poll
public class CarnivalMetrics {

    private final MeterRegistry registry;
    private final Timer fetch;
    private final Timer parse;
    private final Timer record;
    private final DistributionSummary bodyBytes;
    /** Counters by name and tag value, registered once: the poll loop counts every poll. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public CarnivalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.fetch = Timer.builder("carnival.fetch")
                .description("Feed fetch time, headers and body")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.parse = Timer.builder("carnival.parse")
                .description("Feed parse time (changed bodies only)")
                .register(registry);
        this.record = Timer.builder("carnival.record")
                .description("Time to extract, decide and record a changed feed's entries")
                .register(registry);
        this.bodyBytes = DistributionSummary.builder("carnival.fetch.body")
                .description("Bytes of the feed bodies fetched")
                .baseUnit("bytes")
                .register(registry);
    }

    public void polled(String result) {
        polls(result).increment();
    }

    /**
     * Counts these poll results from zero now, and {@link #expectWebmentions} and {@link #expectPushes} these
     * outcomes: a rate or an alert over one works before it first happens.
     */
    public void expectPolls(Stream<String> results) {
        results.forEach(this::polls);
    }

    public void expectWebmentions(Stream<String> outcomes) {
        outcomes.forEach(this::webmentions);
    }

    public void expectPushes(Stream<String> outcomes) {
        outcomes.forEach(this::pushes);
    }

    public void fetched(Duration took, long bytes) {
        fetch.record(took);
        bodyBytes.record(bytes);
    }

    public void parsed(Duration took) {
        parse.record(took);
    }

    public void recorded(Duration took) {
        record.record(took);
    }

    /** New responses, by the channel that found them (feed, webmention, pingback, comment, host). */
    public void responsesRecorded(String source, int count) {
        if (count > 0) {
            counter("carnival.responses.recorded", "New responses by channel", "source", source)
                    .increment(count);
        }
    }

    /** A Webmention request and what became of it (queued, refused, rate-limited, …). */
    public void webmentionReceived(String outcome) {
        webmentions(outcome).increment();
    }

    /** A push from a WebSub hub and what became of it (accepted, bad_signature, unknown_topic, …). */
    public void pushReceived(String outcome) {
        pushes(outcome).increment();
    }

    private Counter polls(String result) {
        return counter("carnival.polls", "Polls by result", "result", result);
    }

    private Counter webmentions(String outcome) {
        return counter("carnival.webmentions.received", "Webmention requests by outcome", "outcome", outcome);
    }

    private Counter pushes(String outcome) {
        return counter("carnival.websub.pushes", "WebSub pushes by outcome", "outcome", outcome);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(
                name + '\n' + value,
                k -> Counter.builder(name)
                        .description(description)
                        .tag(tag, value)
                        .register(registry));
    }
}
