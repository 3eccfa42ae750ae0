package app.carnival.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Resolves who is calling, once per request: the {@code Authorization: Bearer} token, else the host's
 * session cookie (which the browser sends only to the series' own pages). Resources and pages read it
 * from {@link CurrentCaller} and hand it to services; nothing else looks at the header.
 */
public class CallerFilter {

    /** The host's session cookie (see {@code pages.HostSession}). */
    public static final String HOST_COOKIE = "carnival_host";

    private static final String BEARER = "Bearer ";

    private final CurrentCaller current;

    public CallerFilter(CurrentCaller current) {
        this.current = current;
    }

    /**
     * The client is the TCP peer, or the address a proxy forwarded when
     * {@code quarkus.http.proxy.proxy-address-forwarding} is on (Quarkus then rewrites the remote address).
     */
    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request, HttpServerRequest http) {
        // The address only: what a limit counts it as is worked out when one is asked (most requests never do).
        String address =
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        current.set(
                token(
                        request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getCookies().get(HOST_COOKIE)),
                address);
    }

    /** A wrong token is counted when the response is ready: every transaction of the request has ended by then. */
    @ServerResponseFilter
    public void countWrongToken() {
        current.countWrongToken();
    }

    /** The bearer token, else the host cookie's; null without either. */
    private static String token(String authorization, Cookie hostCookie) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return hostCookie == null ? null : hostCookie.getValue();
    }
}
