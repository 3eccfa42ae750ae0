package app.carnival.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A WebSub hub on loopback that follows the W3C Recommendation (§5, §7): takes subscription requests
 * with 202, verifies each one's intent afterwards with a GET to the callback carrying a random
 * challenge (and the lease it grants), keeps the subscription only if the challenge came back, and
 * sends signed fat pings (the feed's body, {@code X-Hub-Signature: sha256=…} with the subscriber's
 * secret, and {@code Link} headers naming the hub and the topic).
 *
 * <p>The callbacks the service hands out start with its {@code carnival.public-url}, which in tests is
 * {@code http://carnival.test} (no such host): the hub delivers to the service's actual test port on
 * loopback instead, keeping the callback's path and query.
 */
public final class TestHub implements AutoCloseable {

    /** A request the hub took (mode, topic, callback, lease asked, secret). */
    public record Request(String mode, String topic, String callback, String leaseSeconds, String secret) {}

    /** A verification of intent the hub made, and whether the subscriber echoed the challenge. */
    public record Verification(String mode, String topic, String callback, int status, boolean confirmed) {}

    private record Subscriber(String callback, String secret) {}

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String publicUrl;
    private final String serviceUrl;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Verification> verifications = new CopyOnWriteArrayList<>();
    /** Subscribers by topic, then by callback. */
    private final Map<String, Map<String, Subscriber>> subscribers = new ConcurrentHashMap<>();

    private volatile Long grantedLease;
    private volatile int failWith;
    private volatile boolean verifyFirst;

    /**
     * @param publicUrl   the service's {@code carnival.public-url}
     * @param servicePort the port the service listens on, on loopback
     */
    public TestHub(String publicUrl, int servicePort) {
        this.publicUrl = publicUrl;
        this.serviceUrl = "http://127.0.0.1:" + servicePort;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hub", this::request);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** Grants this lease instead of the one asked for (hubs choose; §5.3). */
    public TestHub grantLease(Duration lease) {
        grantedLease = lease.toSeconds();
        return this;
    }

    /** Answers every request with this status from now on (a hub that is down: 503), 0 to work again. */
    public TestHub failWith(int status) {
        failWith = status;
        return this;
    }

    /**
     * Verifies intent before it answers the request, the order a fast hub on another thread may reach
     * the subscriber in: the callback comes before the subscriber has read the hub's 202.
     */
    public TestHub verifyingBeforeItAnswers() {
        verifyFirst = true;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Verification> verifications() {
        return List.copyOf(verifications);
    }

    /** The callbacks verified for this topic. */
    public List<String> subscribers(String topic) {
        return List.copyOf(subscribers.getOrDefault(topic, Map.of()).keySet());
    }

    /** §5.1: a form POST; 202 at once, the verification of intent follows on another thread (unless it goes first). */
    private void request(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String mode = form.get("hub.mode");
            String topic = form.get("hub.topic");
            String callback = form.get("hub.callback");
            if (!"POST".equals(exchange.getRequestMethod())
                    || topic == null
                    || callback == null
                    || !("subscribe".equals(mode) || "unsubscribe".equals(mode))) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Request request = new Request(mode, topic, callback, form.get("hub.lease_seconds"), form.get("hub.secret"));
            requests.add(request);
            if (failWith != 0) {
                exchange.sendResponseHeaders(failWith, -1);
                return;
            }
            if (verifyFirst) {
                verify(request);
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(202, -1);
                workers.submit(() -> verify(request));
            }
        }
    }

    /** §5.3: the challenge must come back as the body of a 2xx; only then does the hub act on the request. */
    private void verify(Request r) {
        String challenge = UUID.randomUUID().toString();
        Map<String, String> query =
                new HashMap<>(Map.of("hub.mode", r.mode(), "hub.topic", r.topic(), "hub.challenge", challenge));
        if (r.mode().equals("subscribe")) {
            long asked = r.leaseSeconds() == null ? 86400 : Long.parseLong(r.leaseSeconds());
            query.put("hub.lease_seconds", Long.toString(grantedLease != null ? grantedLease : asked));
        }
        HttpResponse<String> answer = get(r.callback(), query);
        boolean confirmed = answer.statusCode() / 100 == 2 && challenge.equals(answer.body());
        if (confirmed && r.mode().equals("subscribe")) {
            subscribers
                    .computeIfAbsent(r.topic(), t -> new ConcurrentHashMap<>())
                    .put(r.callback(), new Subscriber(r.callback(), r.secret()));
        } else if (confirmed) {
            subscribers.getOrDefault(r.topic(), new HashMap<>()).remove(r.callback());
        }
        verifications.add(new Verification(r.mode(), r.topic(), r.callback(), answer.statusCode(), confirmed));
    }

    /** §5.2: the hub tells a subscriber it will not deliver; returns the subscriber's status. */
    public int deny(String callback, String topic) {
        return get(callback, Map.of("hub.mode", "denied", "hub.topic", topic, "hub.reason", "not allowed"))
                .statusCode();
    }

    /** §7: a fat ping of {@code body} to every verified subscriber of the topic; their statuses. */
    public List<Integer> publish(String topic, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return subscribers.getOrDefault(topic, Map.of()).values().stream()
                .map(s -> deliver(s.callback(), topic, contentType, bytes, signature(s.secret(), bytes)))
                .toList();
    }

    /** One delivery as a hub makes it, with the signature given (null: none). */
    public int deliver(String callback, String topic, String contentType, byte[] body, String signature) {
        HttpRequest.Builder post = HttpRequest.newBuilder(service(callback))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Link", "<" + url() + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            post.header("X-Hub-Signature", signature);
        }
        return send(post.build()).statusCode();
    }

    /** An RSS body pushed to the subscriber of {@code request}, signed with its secret, as a hub does. */
    public int deliverSigned(Request request, String topic, byte[] body) {
        return deliver(request.callback(), topic, "application/rss+xml", body, signature(request.secret(), body));
    }

    /** {@code sha256=} and the hex HMAC of the body with the secret. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String callback, Map<String, String> query) {
        StringBuilder url = new StringBuilder(service(callback).toString());
        char sep = url.indexOf("?") < 0 ? '?' : '&';
        for (var e : query.entrySet()) {
            url.append(sep)
                    .append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return send(HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The callback's address on the service actually listening (see the class comment). */
    private URI service(String callback) {
        if (!callback.startsWith(publicUrl)) {
            throw new IllegalArgumentException("a callback outside the service: " + callback);
        }
        return URI.create(serviceUrl + callback.substring(publicUrl.length()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
