package app.carnival.web;

import app.carnival.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

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

    @ServerRequestFilter(preMatching = true)
    public void resolve(ContainerRequestContext request) {
        current.set(resolve(
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getCookies().get(HOST_COOKIE)));
    }

    static Caller resolve(String authorization, Cookie hostCookie) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Caller.withToken(authorization.substring(BEARER.length()));
        }
        return hostCookie == null ? Caller.anonymous() : Caller.withToken(hostCookie.getValue());
    }
}
