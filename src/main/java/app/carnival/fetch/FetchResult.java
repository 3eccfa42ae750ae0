package app.carnival.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * The final HTTP response of a fetch, after following redirects.
 *
 * @param finalUrl     URL of the response that ended the redirect chain
 * @param permanentUrl new address when every hop was a permanent redirect (301/308), else null
 * @param body         decompressed body, empty for 304 and for error statuses
 * @param retryAfter   delay asked for by {@code Retry-After}, else null
 * @param maxAge       freshness lifetime: {@code Cache-Control: max-age}, else {@code Expires} minus {@code Date}; else null
 * @param links        the values of every {@code Link} header (RFC 8288), in order; empty when none
 * @param location     the {@code Location} header of the final answer (a redirect that was not followed, a
 *                     Webmention endpoint's status page), else null
 * @param botCheck     who answered with a bot check (a JavaScript challenge, a captcha) instead of the
 *                     resource, e.g. "Cloudflare"; null when the answer is not one
 */
public record FetchResult(
        int status,
        String finalUrl,
        String permanentUrl,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration retryAfter,
        Duration maxAge,
        List<String> links,
        String location,
        String botCheck) {

    public FetchResult {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * A body that came without a fetch, as a 200 from {@code url}: what a WebSub hub pushes is
     * recorded as a fetched feed is.
     */
    public static FetchResult received(String url, byte[] body, String contentType, List<String> links) {
        return new FetchResult(200, url, null, body, contentType, null, null, null, null, links, null, null);
    }

    /** The same answer, reached through redirects that were all permanent to {@code permanentUrl} (or null). */
    FetchResult withPermanentUrl(String permanentUrl) {
        return new FetchResult(
                status,
                finalUrl,
                permanentUrl,
                body,
                contentType,
                etag,
                lastModified,
                retryAfter,
                maxAge,
                links,
                location,
                botCheck);
    }

    public boolean notModified() {
        return status == 304;
    }

    /** How long the server asks us to wait before asking again, if it says: the longer of Retry-After and {@link #maxAge}. */
    public Duration serverHint() {
        if (retryAfter == null) {
            return maxAge;
        }
        return maxAge == null || retryAfter.compareTo(maxAge) >= 0 ? retryAfter : maxAge;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * The status with its standard reason phrase, e.g. "HTTP 404 Not Found", or just "HTTP 599" for a
     * status without one. The server's own phrase is not used: it is free text from the other side.
     */
    public String statusLine() {
        // The catalogue knows only the classes 1xx to 5xx and refuses any other number.
        String reason = status >= 100 && status < 600
                ? EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ROOT)
                : null;
        return reason == null ? "HTTP " + status : "HTTP " + status + " " + reason;
    }
}
