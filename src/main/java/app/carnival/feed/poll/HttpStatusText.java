package app.carnival.feed.poll;

import jakarta.ws.rs.core.Response;

/** Reason phrases for the statuses a feed server may answer with, for readable error messages. */
final class HttpStatusText {

    private HttpStatusText() {
    }

    static String of(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "";
    }
}
