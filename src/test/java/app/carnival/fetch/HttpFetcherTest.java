package app.carnival.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.testing.FeedServer;
import app.carnival.testing.TestConfig;
import app.carnival.testing.TestDns;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.impl.InMemoryDnsResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fetcher against a real loopback server: SSRF guard, limits, redirects, headers, network faults. */
class HttpFetcherTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    /** A 304 that lets the client keep the connection. */
    private static final byte[] KEPT_ALIVE_304 =
            "HTTP/1.1 304 Not Modified\r\nConnection: keep-alive\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @BeforeAll
    static void feed() {
        server.serve("/feed", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
    }

    /** A fetcher with the real defaults plus the given settings, resolving through the tests' own DNS. */
    static HttpFetcher fetcher(Map<String, String> settings) {
        return fetcher(settings, new TestDns());
    }

    static HttpFetcher fetcher(Map<String, String> settings, org.apache.hc.client5.http.DnsResolver dns) {
        return new HttpFetcher(TestConfig.carnival(settings).fetch(), 4, InstantSource.fixed(NOW), dns);
    }

    static HttpFetcher open() {
        return fetcher(Map.of("carnival.fetch.allow-private-networks", "true"));
    }

    // --- Link headers and form POSTs (Webmentions sent) ---------------------------------------

    @Test
    void everyLinkHeaderOfTheAnswerIsKeptInOrder() throws Exception {
        server.route("/two-links/", exchange -> {
            exchange.getResponseHeaders().add("Link", "<https://hub.example/>; rel=\"hub\"");
            exchange.getResponseHeaders().add("Link", "</webmention>; rel=\"webmention\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        assertThat(open().fetchPage(server.url("/two-links/")).links())
                .containsExactly("<https://hub.example/>; rel=\"hub\"", "</webmention>; rel=\"webmention\"");
        assertThat(open().fetchPage(server.url("/feed")).links()).isEmpty();
    }

    @Test
    void aFormPostSendsItsFieldsEncodedAndFollowsNoRedirect() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.route("/endpoint", exchange -> {
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Location", server.url("/elsewhere"));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        Map<String, String> form = new LinkedHashMap<>(); // sent in the map's order, as the sender builds it
        form.put("source", "https://a.example/x?y=1&z=ü");
        form.put("target", "b");
        FetchResult answer = open().postForm(server.url("/endpoint"), form);
        assertThat(answer.status()).isEqualTo(307);
        assertThat(answer.location()).isEqualTo(server.url("/elsewhere"));
        assertThat(bodies)
                .containsExactly("application/x-www-form-urlencoded; charset=UTF-8"
                        + " source=https%3A%2F%2Fa.example%2Fx%3Fy%3D1%26z%3D%C3%BC&target=b");
        assertThat(server.requests("/elsewhere")).isEmpty();
    }

    @Test
    void aFormPostToAPrivateAddressIsRefusedByTheGuard() {
        assertThatThrownBy(() -> fetcher(Map.of()).postForm("http://10.1.2.3/webmention", Map.of("source", "s")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("address not allowed")
                .extracting(e -> ((FetchException) e).kind())
                .isEqualTo(FetchException.Kind.REFUSED);
    }

    // --- SSRF guard -------------------------------------------------------------------------

    @Test
    void guardIsOnByDefaultAndRefusesLoopbackBeforeConnecting() {
        server.clearRequests();
        HttpFetcher guarded = fetcher(Map.of());
        assertThatThrownBy(() -> guarded.fetch(server.url("/feed"), HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("address not allowed")
                .hasMessageContaining("loopback");
        assertThat(server.requests("/feed")).isEmpty();
    }

    @Test
    void guardRefusesNamesThatResolveToPrivateAddressesAtConnectTime() throws Exception {
        // The name is looked up once, by the connection itself: what is checked is what is connected to.
        InMemoryDnsResolver dns = new InMemoryDnsResolver();
        dns.add("feeds.example", InetAddress.getByName("10.1.2.3"));
        dns.add("meta.example", InetAddress.getByName("169.254.169.254"));
        dns.add("mapped.example", InetAddress.getByName("::ffff:127.0.0.1"));
        HttpFetcher guarded = fetcher(Map.of(), dns);
        assertThatThrownBy(() -> guarded.fetch("http://feeds.example/feed", HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("address not allowed")
                .hasMessageContaining("private");
        assertThatThrownBy(() ->
                        guarded.fetch("http://meta.example/latest/meta-data/", HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> guarded.fetch("http://mapped.example/", HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("address not allowed");
    }

    @Test
    void guardRefusesLiteralAddressesIncludingIpv6() {
        HttpFetcher guarded = fetcher(Map.of());
        for (String url :
                new String[] {"http://[::1]:1/", "http://0.0.0.0:1/", "http://[::ffff:7f00:1]:1/", "http://2130706433/"
                }) {
            assertThatThrownBy(() -> guarded.fetch(url, HttpFetcher.FEED_ACCEPT, null, null))
                    .as(url)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("not allowed");
        }
    }

    @Test
    void everyRedirectHopIsChecked() {
        server.clearRequests();
        server.status("/hop", 302, Map.of("Location", "http://127.0.0.2:" + server.port() + "/feed"));
        HttpFetcher mostlyGuarded = fetcher(Map.of("carnival.fetch.allow-networks", "127.0.0.1/32"));
        assertThatThrownBy(() -> mostlyGuarded.fetch(server.url("/hop"), HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("address not allowed")
                .hasMessageContaining("127.0.0.2");
        assertThat(server.requests("/hop")).hasSize(1);
    }

    @Test
    void allowNetworksExemptsOnlyTheListedBlock() throws Exception {
        HttpFetcher mostlyGuarded = fetcher(Map.of("carnival.fetch.allow-networks", "127.0.0.1/32"));
        assertThat(mostlyGuarded
                        .fetch(server.url("/feed"), HttpFetcher.FEED_ACCEPT, null, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        HttpFetcher open = open();
        for (String url : new String[] {
            "file:///etc/passwd", "ftp://example.org/feed", "gopher://x/", "jar:file:/x!/y", "feed.xml"
        }) {
            assertThatThrownBy(() -> open.fetch(url, HttpFetcher.FEED_ACCEPT, null, null))
                    .as(url)
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("only http and https");
        }
        server.status("/to-file", 302, Map.of("Location", "file:///etc/passwd"));
        assertThatThrownBy(() -> open.fetch(server.url("/to-file"), HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("only http and https");
    }

    // --- limits -----------------------------------------------------------------------------

    @Test
    void gzipBombStopsAtTheCapCountedAfterDecompression() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KiB on the wire
        server.route("/bomb", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, bomb.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bomb);
            }
        });
        HttpFetcher capped = fetcher(Map.of(
                "carnival.fetch.allow-private-networks",
                "true",
                "carnival.fetch.max-body-bytes",
                String.valueOf(1024 * 1024)));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> capped.fetch(server.url("/bomb"), HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void gzipFeedsAreDecompressed() throws Exception {
        String feed = "<rss version=\"2.0\"><channel><title>zipped</title></channel></rss>";
        byte[] zipped = gzip(feed.getBytes(StandardCharsets.UTF_8));
        server.route("/gz", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, zipped.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zipped);
            }
        });
        FetchResult r = open().fetch(server.url("/gz"), HttpFetcher.FEED_ACCEPT, null, null);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(feed);
    }

    @Test
    void aServerThatDripsIsCutOffAtTheTotalTimeout() {
        server.route("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (InterruptedException | IOException e) {
                // the client hung up: that is the point
            }
        });
        HttpFetcher impatient =
                fetcher(Map.of("carnival.fetch.allow-private-networks", "true", "carnival.fetch.total-timeout", "2s"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(server.url("/drip"), HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aRedirectLoopEndsAtTheCap() {
        server.status("/loop-a", 302, Map.of("Location", "/loop-b"));
        server.status("/loop-b", 302, Map.of("Location", "/loop-a"));
        assertThatThrownBy(() -> open().fetch(server.url("/loop-a"), HttpFetcher.FEED_ACCEPT, null, null))
                .hasMessageContaining("too many redirects");
    }

    // --- redirects and headers --------------------------------------------------------------

    @Test
    void permanentRedirectsAreReportedTemporaryOnesAreNot() throws Exception {
        server.status("/moved", 301, Map.of("Location", "/moved-2"));
        server.status("/moved-2", 308, Map.of("Location", "/feed"));
        server.status("/temp", 302, Map.of("Location", "/feed"));
        server.status("/temp-307", 307, Map.of("Location", "/feed"));
        server.status("/mixed", 301, Map.of("Location", "/temp"));
        HttpFetcher open = open();
        FetchResult moved = open.fetch(server.url("/moved"), HttpFetcher.FEED_ACCEPT, null, null);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.permanentUrl()).isEqualTo(server.url("/feed"));
        assertThat(open.fetch(server.url("/temp"), HttpFetcher.FEED_ACCEPT, null, null)
                        .permanentUrl())
                .isNull();
        assertThat(open.fetch(server.url("/temp-307"), HttpFetcher.FEED_ACCEPT, null, null)
                        .permanentUrl())
                .isNull();
        assertThat(open.fetch(server.url("/mixed"), HttpFetcher.FEED_ACCEPT, null, null)
                        .permanentUrl())
                .isNull();
    }

    @Test
    void sendsAUserAgentNamingCarnivalAndAFeedAccept() throws Exception {
        server.clearRequests();
        open().fetch(server.url("/feed"), HttpFetcher.FEED_ACCEPT, null, null);
        FeedServer.Seen seen = server.requests("/feed").get(0);
        assertThat(seen.userAgent()).startsWith("Carnival/");
        assertThat(seen.accept()).contains("application/rss+xml").contains("application/atom+xml");
    }

    @Test
    void retryAfterIsReadInSecondsAndAsAnHttpDate() throws Exception {
        server.status("/busy", 503, Map.of("Retry-After", "120"));
        server.status("/limited", 429, Map.of("Retry-After", "Wed, 01 May 2024 13:00:00 GMT"));
        HttpFetcher open = open();
        assertThat(open.fetch(server.url("/busy"), HttpFetcher.FEED_ACCEPT, null, null)
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(open.fetch(server.url("/limited"), HttpFetcher.FEED_ACCEPT, null, null)
                        .retryAfter())
                .isEqualTo(Duration.ofHours(1));
    }

    // --- network faults ---------------------------------------------------------------------

    @Test
    void connectionRefusedIsAReadableError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closed = port;
        assertThatThrownBy(
                        () -> open().fetch("http://127.0.0.1:" + closed + "/feed", HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void connectionResetIsAReadableError() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread resetter = new Thread(() -> {
                try (Socket c = s.accept()) {
                    // Read the whole request first, so the client is waiting for the answer when the reset comes.
                    readRequestHead(
                            new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII)));
                    c.setSoLinger(true, 0); // close with RST
                } catch (IOException ignored) {
                    // test over
                }
            });
            resetter.start();
            assertThatThrownBy(() -> open().fetch(
                                    "http://127.0.0.1:" + s.getLocalPort() + "/feed",
                                    HttpFetcher.FEED_ACCEPT,
                                    null,
                                    null))
                    .isInstanceOf(FetchException.class)
                    .hasMessage("network error talking to 127.0.0.1: Connection reset");
            resetter.join(5000);
        }
    }

    @Test
    void aConnectionIsKeptForTheNextRequestToItsHostAndClosedOnceIdle() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> events = new CopyOnWriteArrayList<>();
            Thread keepAlive = new Thread(() -> {
                try (Socket c = s.accept()) {
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = c.getOutputStream();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isEmpty()) {
                            events.add("request");
                            out.write(KEPT_ALIVE_304);
                            out.flush();
                        }
                    }
                    events.add("closed by the client");
                } catch (IOException e) {
                    events.add("failed: " + e.getMessage());
                }
            });
            keepAlive.start();
            HttpFetcher fetcher = fetcher(Map.of(
                    "carnival.fetch.allow-private-networks", "true",
                    "carnival.fetch.idle-connection-time", "1s"));
            String url = "http://127.0.0.1:" + s.getLocalPort() + "/feed";

            // The server accepts one connection: the second request must come on the first's.
            assertThat(fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, "\"v1\"", null)
                            .status())
                    .isEqualTo(304);
            assertThat(fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, "\"v1\"", null)
                            .status())
                    .isEqualTo(304);
            keepAlive.join(10_000);
            assertThat(events).containsExactly("request", "request", "closed by the client");
        }
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotReused() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread closesIdle = new Thread(() -> {
                while (!s.isClosed()) {
                    try (Socket c = s.accept()) {
                        connections.incrementAndGet();
                        readRequestHead(new BufferedReader(
                                new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII)));
                        // Announced as kept alive, then closed like a server's keep-alive timeout would.
                        c.getOutputStream().write(KEPT_ALIVE_304);
                        c.getOutputStream().flush();
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            closesIdle.start();
            HttpFetcher fetcher = open();
            String url = "http://127.0.0.1:" + s.getLocalPort() + "/feed";

            assertThat(fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, "\"v1\"", null)
                            .status())
                    .isEqualTo(304);
            Thread.sleep(1_500);
            assertThat(fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, "\"v1\"", null)
                            .status())
                    .isEqualTo(304);
            assertThat(connections).hasValue(2);
        }
    }

    /** Reads a request's line and headers, up to the blank line that ends them (or the end of the stream). */
    private static void readRequestHead(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && !line.isEmpty());
    }

    @Test
    void namesAreLookedUpInTheTestsOwnDnsOnly() throws Exception {
        TestDns dns = new TestDns();
        HttpFetcher local = fetcher(Map.of("carnival.fetch.allow-private-networks", "true"), dns);
        assertThat(local.fetch(
                                "http://feeds.carnival.test:" + server.port() + "/feed",
                                HttpFetcher.FEED_ACCEPT,
                                null,
                                null)
                        .status())
                .isEqualTo(200);
        // A real name is refused by the tests' DNS, which never asks the system's resolver.
        assertThatThrownBy(() -> local.fetch("http://example.org/feed", HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("host not found: example.org");
        assertThat(dns.asked()).containsExactlyInAnyOrder("feeds.carnival.test", "example.org");
    }

    @Test
    void unknownHostIsAReadableError() {
        HttpFetcher withEmptyDns =
                fetcher(Map.of("carnival.fetch.allow-private-networks", "true"), new InMemoryDnsResolver());
        assertThatThrownBy(() ->
                        withEmptyDns.fetch("http://no-such-host.invalid/feed", HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("host not found: no-such-host.invalid");
    }

    // --- internationalized names ------------------------------------------------------------

    @Test
    void anInternationalizedHostIsLookedUpAndSentInPunycode() throws Exception {
        InMemoryDnsResolver names = new InMemoryDnsResolver();
        names.add("xn--bcher-kva.example", InetAddress.getLoopbackAddress());
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        byte[] feed = "<rss version=\"2.0\"><channel><title>B\u00fccher</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        server.route("/b\u00fccher/stra\u00dfe", exchange -> {
            sent.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        int port = Integer.parseInt(server.url("").replaceAll(".*:", ""));
        HttpFetcher fetcher =
                fetcher(Map.of("carnival.fetch.allow-networks", "127.0.0.1/32"), recording(names, lookedUp));

        String url = "http://B\u00fccher.example:" + port + "/b\u00fccher/stra\u00dfe?q=\u00fc";
        FetchResult result = fetcher.fetch(url, HttpFetcher.FEED_ACCEPT, null, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.finalUrl()).isEqualTo(url);
        assertThat(lookedUp).containsOnly("xn--bcher-kva.example");
        assertThat(sent).containsExactly("xn--bcher-kva.example:" + port + " /b%C3%BCcher/stra%C3%9Fe?q=%C3%BC");
    }

    @Test
    void theAnswerNamesTheAddressAsWrittenNotAsCleaned() throws Exception {
        String written = server.url("/x/../feed");
        HttpFetcher open = open();

        FetchResult byText = open.fetch(written, HttpFetcher.FEED_ACCEPT, null, null);
        FetchResult byTarget = open.fetch(HttpFetcher.target(written), HttpFetcher.FEED_ACCEPT, null, null);

        assertThat(byText.status()).isEqualTo(200);
        assertThat(byText.finalUrl()).isEqualTo(written);
        assertThat(byTarget.finalUrl()).isEqualTo(written);
        assertThat(HttpFetcher.target(written).toString()).isEqualTo(server.url("/feed"));
    }

    @Test
    void redirectsResolveAsBrowsersDoAndAnInvalidTargetIsAReadableError() throws Exception {
        server.status("/sloppy-redirect", 302, Map.of("Location", " \\feed "));
        server.status("/bad-redirect", 302, Map.of("Location", "http://exa mple.example/feed"));
        HttpFetcher open = open();
        FetchResult followed = open.fetch(server.url("/sloppy-redirect"), HttpFetcher.FEED_ACCEPT, null, null);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.finalUrl()).isEqualTo(server.url("/feed"));
        assertThatThrownBy(() -> open.fetch(server.url("/bad-redirect"), HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("invalid redirect target: http://exa mple.example/feed");
    }

    @Test
    void aHostIdnRefusesIsNotLookedUp() {
        List<String> lookedUp = new CopyOnWriteArrayList<>();
        HttpFetcher fetcher = fetcher(Map.of(), recording(new InMemoryDnsResolver(), lookedUp));
        assertThatThrownBy(() -> fetcher.fetch("https://xn--zz.example/feed", HttpFetcher.FEED_ACCEPT, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("cannot fetch: not a valid host name: xn--zz.example");
        assertThat(lookedUp).isEmpty();
    }

    /** {@code names}, noting every name looked up in {@code lookedUp}. */
    static DnsResolver recording(DnsResolver names, List<String> lookedUp) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                lookedUp.add(host);
                return names.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return names.resolveCanonicalHostname(host);
            }
        };
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}
