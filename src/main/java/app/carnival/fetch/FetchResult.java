package app.carnival.fetch;

import java.time.Duration;

/**
 * The final HTTP response of a fetch, after following redirects.
 *
 * @param finalUrl     URL of the response that ended the redirect chain
 * @param permanentUrl new address when every hop was a permanent redirect (301/308), else null
 * @param body         decompressed body, empty for 304 and for error statuses
 * @param retryAfter   delay asked for by {@code Retry-After}, else null
 */
public record FetchResult(
        int status,
        String finalUrl,
        String permanentUrl,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration retryAfter) {

    public boolean notModified() {
        return status == 304;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
