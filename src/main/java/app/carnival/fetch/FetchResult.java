package app.carnival.fetch;

import java.time.Duration;

/**
 * The final HTTP response of a fetch, after following redirects.
 *
 * @param finalUrl     URL of the response that ended the redirect chain
 * @param permanentUrl new address when every hop was a permanent redirect (301/308), else null
 * @param body         decompressed body, empty for 304 and for error statuses
 * @param retryAfter   delay asked for by {@code Retry-After}, else null
 * @param maxAge       freshness lifetime from {@code Cache-Control: max-age}, else null
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
        Duration maxAge) {

    public boolean notModified() {
        return status == 304;
    }

    /** How long the server asks us to wait before asking again, if it says: the longer of Retry-After and max-age. */
    public Duration serverHint() {
        if (retryAfter == null) {
            return maxAge;
        }
        return maxAge == null || retryAfter.compareTo(maxAge) >= 0 ? retryAfter : maxAge;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
