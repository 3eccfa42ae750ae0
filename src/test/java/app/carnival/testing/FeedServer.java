package app.carnival.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on loopback for tests: serves documents by path with ETag/Last-Modified and
 * answers conditional requests with 304, or a canned status. Records every request it saw.
 *
 * <p>One server for a whole test class is a JUnit extension: {@code @RegisterExtension static final
 * FeedServer server = new FeedServer();} serves from before the class's first test (its
 * {@code @BeforeAll} methods included) and stops after its last. One for a single test is closed by
 * try-with-resources.
 */
public final class FeedServer implements AutoCloseable, AfterAllCallback {

    /** One request as the server saw it. */
    public record Seen(
            String path, String ifNoneMatch, String ifModifiedSince, int status, String userAgent, String accept) {}

    private record Doc(int status, String contentType, byte[] body, String etag, Map<String, String> headers) {}

    private static final String LAST_MODIFIED = "Wed, 01 May 2024 00:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(32);
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, HttpHandler> custom = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path}; the ETag changes with the body. */
    public FeedServer serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public FeedServer serve(String path, String contentType, byte[] body) {
        return serve(path, 200, contentType, body, Map.of());
    }

    /** Answers {@code path} with this status, body and headers (a 200 also gets an ETag and Last-Modified). */
    public FeedServer serve(String path, int status, String contentType, String body, Map<String, String> headers) {
        return serve(path, status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private FeedServer serve(String path, int status, String contentType, byte[] body, Map<String, String> headers) {
        String etag = status == 200 ? "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"" : null;
        docs.put(path, new Doc(status, contentType, body, etag, headers));
        return this;
    }

    /** Answers {@code path} with a bare status and optional headers (errors, redirects). */
    public FeedServer status(String path, int status, Map<String, String> headers) {
        return serve(path, status, "text/plain", "status " + status, headers);
    }

    /** Answers {@code path} with a handler of the test's own (drips, bombs, odd headers). */
    public FeedServer route(String path, HttpHandler handler) {
        custom.put(path, handler);
        return this;
    }

    /** Holds every answer on {@code path} this long, to make requests overlap. */
    public FeedServer delay(String path, Duration delay) {
        delays.put(path, delay);
        return this;
    }

    /** Most requests the server was handling at the same moment since the last clear. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    public List<Seen> requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    public void clearRequests() {
        seen.clear();
        maxInFlight.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean counted = true;
        try {
            String path = exchange.getRequestURI().getPath();
            Duration delay = delays.get(path);
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            // No longer in flight once the answer may leave: a client that has it can send its next request at once.
            inFlight.decrementAndGet();
            counted = false;
            if (custom.containsKey(path)) {
                seen.add(seen(exchange, path, 0));
                custom.get(path).handle(exchange);
            } else {
                serveDoc(exchange, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private static Seen seen(HttpExchange exchange, String path, int status) {
        var h = exchange.getRequestHeaders();
        return new Seen(
                path,
                h.getFirst("If-None-Match"),
                h.getFirst("If-Modified-Since"),
                status,
                h.getFirst("User-Agent"),
                h.getFirst("Accept"));
    }

    private void serveDoc(HttpExchange exchange, String path) throws IOException {
        String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
        Doc doc = docs.get(path);
        int status = doc == null
                ? 404
                : doc.status() != 200 ? doc.status() : doc.etag().equals(inm) ? 304 : 200;
        // Recorded before answering, so a client that has its answer always finds its request here.
        seen.add(seen(exchange, path, status));
        try (exchange) {
            if (status == 404 && doc == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (status == 304) {
                exchange.getResponseHeaders().add("ETag", doc.etag());
                exchange.sendResponseHeaders(304, -1);
            } else {
                if (status == 200) {
                    exchange.getResponseHeaders().add("ETag", doc.etag());
                    exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
                }
                doc.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.getResponseHeaders().add("Content-Type", doc.contentType());
                exchange.sendResponseHeaders(status, doc.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(doc.body());
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
