package app.carnival.announce;

import app.carnival.announce.rules.Delivery;
import app.carnival.config.CarnivalConfig;
import app.carnival.content.WebmentionEndpoint;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Sends one Webmention (W3C Webmention, sender side): fetches the target post through the guarded
 * fetcher, discovers its endpoint ({@link WebmentionEndpoint}) and posts {@code source} and
 * {@code target} to it. No database here: callers send outside any transaction.
 */
@ApplicationScoped
public class WebmentionSender {

    private final HttpFetcher fetcher;
    private final long timeoutSeconds;

    public WebmentionSender(HttpFetcher fetcher, CarnivalConfig config) {
        this.fetcher = fetcher;
        this.timeoutSeconds = config.fetch().totalTimeout().toSeconds();
    }

    public Delivery send(String source, String target) {
        FetchResult post;
        try {
            post = fetcher.fetchPage(target);
        } catch (FetchException e) {
            return failed("the post", e, null);
        }
        if (!post.ok()) {
            return new Delivery.Failed(
                    "the post answered " + post.statusLine(), mayPassLater(post.status()), null, post.status());
        }
        Optional<String> found = WebmentionEndpoint.discover(post.finalUrl(), post.links(), html(post));
        if (found.isEmpty()) {
            return new Delivery.NoEndpoint();
        }
        String endpoint = found.get();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", source);
        form.put("target", target);
        FetchResult answer;
        try {
            answer = fetcher.postForm(endpoint, form);
        } catch (FetchException e) {
            return failed("the endpoint", e, endpoint);
        }
        if (answer.ok()) {
            return new Delivery.Sent(endpoint, answer.status());
        }
        String said = answer.status() >= 300 && answer.status() < 400
                ? answer.statusLine() + ", a redirect (a Webmention is not sent on to another address)"
                : answer.statusLine();
        return new Delivery.Failed(said, mayPassLater(answer.status()), endpoint, answer.status());
    }

    /** 5xx and 429 may pass; any other answer will not change by asking again. */
    private static boolean mayPassLater(int status) {
        return status >= 500 || status == 429;
    }

    private static Document html(FetchResult post) {
        String type = post.contentType() == null ? "" : post.contentType().toLowerCase(Locale.ROOT);
        return type.contains("html") ? HtmlPages.parse(post) : null;
    }

    private Delivery.Failed failed(String what, FetchException e, String endpoint) {
        String reason = switch (e.kind()) {
            case REFUSED ->
                e.getMessage().contains("address not allowed")
                        ? what + " is on a private address (" + e.getMessage() + ")"
                        : what + " cannot be fetched: " + e.getMessage();
            case TOO_MANY_REDIRECTS -> what + " redirects too often: " + e.getMessage();
            case TIMEOUT -> what + " did not answer within " + timeoutSeconds + " s";
            case TOO_LARGE -> what + " is too large: " + e.getMessage();
            case NETWORK -> what + " could not be reached: " + e.getMessage();
        };
        return new Delivery.Failed(reason, e.kind().mayPassLater(), endpoint, null);
    }
}
