package app.carnival.websub;

import app.carnival.config.CarnivalConfig;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HttpFetcher;
import app.carnival.websub.rules.Mode;
import app.carnival.websub.store.ClaimedSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Subscription requests to hubs (W3C WebSub §5.1): a form POST through the guarded fetcher (address
 * guard, timeouts, no redirects). The hub answers 202 and verifies the intent later at the callback.
 */
@ApplicationScoped
public class HubRequests {

    private final HttpFetcher fetcher;
    private final String callbackBase;
    private final long leaseSeconds;

    public HubRequests(HttpFetcher fetcher, CarnivalConfig config) {
        this.fetcher = fetcher;
        this.callbackBase = config.publicUrl().replaceAll("/+$", "") + "/websub/";
        this.leaseSeconds = config.websub().requestedLease().toSeconds();
    }

    /** @return empty when the hub took the request (2xx), else why not, in words */
    Optional<String> send(ClaimedSubscription s, Mode mode) {
        Map<String, String> form = mode == Mode.SUBSCRIBE
                ? Map.of(
                        "hub.mode", mode.wire(),
                        "hub.topic", s.topicUrl(),
                        "hub.callback", callbackBase + s.callbackToken(),
                        "hub.lease_seconds", Long.toString(leaseSeconds),
                        "hub.secret", s.secret())
                : Map.of(
                        "hub.mode",
                        mode.wire(),
                        "hub.topic",
                        s.topicUrl(),
                        "hub.callback",
                        callbackBase + s.callbackToken());
        try {
            FetchResult answer = fetcher.postForm(s.hubUrl(), form);
            return answer.ok() ? Optional.empty() : Optional.of("the hub answered " + answer.statusLine());
        } catch (FetchException e) {
            return Optional.of("the hub could not be reached: " + e.getMessage());
        }
    }
}
