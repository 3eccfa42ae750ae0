package app.carnival.api;

import app.carnival.websub.Callbacks;
import app.carnival.websub.PushOutcome;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * The WebSub callbacks, {@code /websub/{token}} (W3C WebSub, subscriber): the hub's verification of
 * intent (GET: the challenge echoed as text/plain, or 404) and its pushes (POST: 2xx, also for a body
 * that is ignored; 404 for no active subscription; 413 beyond the fetcher's body cap; 503 to send
 * again later). A Vert.x route rather than a JAX-RS resource: it must run before Quarkus' request
 * size limit (64K for everything else) because a hub pushes whole feeds, and it reads the exact bytes
 * the signature covers. The work runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class WebSubCallbackRoute {

    private final Callbacks callbacks;

    public WebSubCallbackRoute(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    void install(@Observes Router router) {
        router.route("/websub/:token")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == HttpMethod.GET) {
            verify(ctx);
        } else if (request.method() == HttpMethod.POST) {
            push(ctx);
        } else {
            ctx.response().setStatusCode(405).putHeader("Allow", "GET, POST").end();
        }
    }

    private void verify(RoutingContext ctx) {
        HttpServerRequest r = ctx.request();
        String token = ctx.pathParam("token");
        ctx.vertx()
                .executeBlocking(
                        () -> callbacks.verify(
                                token,
                                r.getParam("hub.mode"),
                                r.getParam("hub.topic"),
                                r.getParam("hub.challenge"),
                                r.getParam("hub.lease_seconds"),
                                r.getParam("hub.reason")),
                        false)
                .onComplete(done -> {
                    Optional<String> echo = done.succeeded() ? done.result() : Optional.empty();
                    HttpServerResponse response = ctx.response();
                    if (done.failed()) {
                        retryLater(response);
                    } else if (echo.isPresent()) {
                        response.setStatusCode(200)
                                .putHeader("Content-Type", "text/plain; charset=utf-8")
                                .end(echo.get());
                    } else {
                        response.setStatusCode(404).end();
                    }
                });
    }

    private void push(RoutingContext ctx) {
        HttpServerRequest r = ctx.request();
        long max = callbacks.maxBodyBytes();
        String length = r.getHeader("Content-Length");
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > max) {
            tooLarge(ctx);
            return;
        }
        // Read by hand, with the cap counted as it comes: a chunked body names no length.
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        r.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                tooLarge(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        r.endHandler(end -> {
            if (!refused[0]) {
                received(ctx, body.getBytes());
            }
        });
        r.resume();
    }

    private void received(RoutingContext ctx, byte[] body) {
        HttpServerRequest r = ctx.request();
        String token = ctx.pathParam("token");
        ctx.vertx()
                .executeBlocking(
                        () -> callbacks.push(
                                token,
                                body,
                                r.getHeader("Content-Type"),
                                r.getHeader("X-Hub-Signature"),
                                r.headers().getAll("Link")),
                        false)
                .onComplete(done -> {
                    PushOutcome outcome = done.succeeded() ? done.result() : PushOutcome.RETRY_LATER;
                    HttpServerResponse response = ctx.response();
                    switch (outcome) {
                        case UNKNOWN_TOPIC -> response.setStatusCode(404).end();
                        case RETRY_LATER -> retryLater(response);
                        case TOO_LARGE -> response.setStatusCode(413).end();
                        // Ignored pushes are acknowledged too, as the Recommendation asks (§8).
                        case ACCEPTED, BAD_SIGNATURE, UNPARSEABLE ->
                            response.setStatusCode(202).end();
                    }
                });
    }

    /** The database is busy or down, or a poll holds the feed: the hub sends it again later. */
    private static void retryLater(HttpServerResponse response) {
        response.setStatusCode(503).putHeader("Retry-After", "60").end();
    }

    private void tooLarge(RoutingContext ctx) {
        callbacks.tooLarge();
        // The rest of the body is not read: the connection goes.
        ctx.response().setStatusCode(413).putHeader("Connection", "close").end();
    }
}
