package app.carnival.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The security headers of every answer: pages, the JSON API and its problems, static files, /q/* and the
 * WebSub callbacks. One Vert.x route ahead of all others rather than a JAX-RS filter, which would miss
 * what JAX-RS does not serve (added to the Router as WebSubCallbackRoute is: a {@code @RouteFilter} would
 * need quarkus-reactive-routes); not Quarkus' {@code quarkus.http.header} settings, which cannot send HSTS
 * over https only. The headers are set as the answer's headers go out, so no handler after this one (an
 * error page, a 404) can drop them; they never touch a body, so the round-up exports stay as they are.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * Nothing inline and nothing from elsewhere: the pages' scripts and stylesheet are files under
     * /static, the chart's SVG colours are attributes, not styles. No page may be framed (clickjacking).
     */
    static final String POLICY = policy("'self'", "'self'");

    /**
     * Swagger UI (linked from every page) is Quarkus' page, not ours: it starts with an inline script, and
     * its stylesheet draws icons from data: URLs and React sets inline styles. It shows only the API's own
     * document, so inline scripts and styles are allowed there alone.
     */
    static final String SWAGGER_UI_POLICY = policy("'self' 'unsafe-inline'", "'self' data:");

    static final String SWAGGER_UI = "/q/swagger-ui";

    /** A year; browsers then refuse plain http to this host until it passes. */
    static final String HSTS = "max-age=31536000";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::onEveryRequest);
    }

    private static String policy(String scriptsAndStyles, String images) {
        return "default-src 'self'; script-src " + scriptsAndStyles + "; style-src " + scriptsAndStyles
                + "; img-src " + images
                + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    private void onEveryRequest(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> set(ctx.request(), ctx.response().headers()));
        ctx.next();
    }

    private static void set(HttpServerRequest request, MultiMap headers) {
        headers.set("Content-Security-Policy", request.path().startsWith(SWAGGER_UI) ? SWAGGER_UI_POLICY : POLICY);
        // The older header for browsers without frame-ancestors.
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        // Only over https: browsers ignore it over http anyway, and it must not promise https a plain
        // http deployment cannot keep. Behind a TLS proxy with proxy-address-forwarding on, the scheme is
        // the forwarded one (Quarkus wraps the request before any route).
        if ("https".equalsIgnoreCase(request.scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
