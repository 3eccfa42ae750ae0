package app.carnival.fetch;

import app.carnival.config.CarnivalConfig;
import app.carnival.url.InvalidUrlException;
import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP GET with the limits every outgoing request of Carnival obeys: SSRF guard on each hop,
 * http/https only, connect and total timeouts, a redirect cap and a body cap counted after
 * decompression. Used for feeds, post pages and feed discovery alike, and to send Webmentions (a form
 * POST with the same guard and limits).
 */
@ApplicationScoped
public class HttpFetcher {

    public static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, */*;q=0.1";
    public static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private static final java.util.regex.Pattern MAX_AGE =
            java.util.regex.Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})");

    private final CarnivalConfig.Fetch config;
    private final InstantSource clock;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog;
    /** Whether the calling thread has a database transaction open; a fetch then is a bug (see {@link #fetch}). */
    private BooleanSupplier insideTransaction = () -> false;

    @Inject
    public HttpFetcher(CarnivalConfig config, InstantSource clock, DnsResolver dns) {
        this(config.fetch(), config.poll().perHostParallelism() * 2, clock, dns);
        if (config.fetch().refuseInsideTransaction()) {
            insideTransaction = QuarkusTransaction::isActive;
        }
    }

    /** @param dns where names are looked up; the SSRF guard checks whatever it answers */
    HttpFetcher(CarnivalConfig.Fetch config, int connectionsPerHost, InstantSource clock, DnsResolver dns) {
        this.config = config;
        this.clock = clock;
        Timeout total = Timeout.of(this.config.totalTimeout());
        List<Cidr> exceptions = config.allowNetworks().orElse(List.of()).stream()
                .map(Cidr::parse)
                .toList();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(dns, this.config.allowPrivateNetworks(), exceptions))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(this.config.connectTimeout()))
                                .setSocketTimeout(total)
                                // Servers close idle connections (Apache after 5 s): one unused for a second is
                                // checked before it is reused, else the request on it fails ("failed to respond").
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        // Per host only: the strict pool walked one list of the idle connections of all hosts at
                        // each lease (11% of the service's samples in 304 cycles). No total cap, hence the eviction.
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnPerRoute(connectionsPerHost)
                        .build())
                .evictIdleConnections(TimeValue.of(this.config.idleConnectionTime()))
                // Redirects are followed here, hop by hop, to cap them and to notice permanent moves.
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .setUserAgent(this.config.userAgent())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(total).build())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Conditional GET of a feed: sends the validators from the last successful fetch. */
    public FetchResult fetch(String url, String accept, String etag, String lastModified) throws FetchException {
        return fetch(target(url), accept, etag, lastModified);
    }

    /** {@link #fetch(String, String, String, String)} of a URL the caller has already read with {@link #target}. */
    public FetchResult fetch(WebUrl url, String accept, String etag, String lastModified) throws FetchException {
        return get(url, accept, etag, lastModified, true);
    }

    /**
     * GET of a guessed address (a usual feed path such as {@code /feed}): a redirect is the answer, not followed.
     * Many sites send every unknown path to their home page (Miniflux's rule).
     */
    public FetchResult probe(String url, String accept) throws FetchException {
        return get(target(url), accept, null, null, false);
    }

    private FetchResult get(WebUrl url, String accept, String etag, String lastModified, boolean followRedirects)
            throws FetchException {
        refuseInsideTransaction(url.text());
        String current = url.text();
        WebUrl target = url;
        String permanent = null;
        boolean allPermanent = true;
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            if (hop > 0) {
                target = target(current);
            }
            HttpGet get = new HttpGet(target.toUri());
            get.setHeader("Accept", accept);
            if (etag != null) {
                get.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.setHeader("If-Modified-Since", lastModified);
            }
            String from = current;
            FetchResult answer = exchange(target, get, response -> {
                boolean redirect = isRedirect(response.getCode()) && header(response, "Location") != null;
                // Error and redirect bodies are not read (closing the response discards the connection), but
                // the start of an HTML error page, which may be a bot check.
                boolean ok = response.getCode() >= 200 && response.getCode() < 300 && !redirect;
                String type = header(response, "Content-Type");
                byte[] body = ok ? readCapped(response.getEntity(), get) : new byte[0];
                byte[] checked = ok || !BotChecks.worthReading(response.getCode(), type)
                        ? body
                        : readPrefix(response.getEntity(), BotChecks.PREFIX_BYTES);
                return result(
                        response, from, body, BotChecks.recognise(header(response, "cf-mitigated"), type, checked));
            });
            String location = answer.location();
            if (followRedirects && isRedirect(answer.status()) && location != null) {
                allPermanent &= answer.status() == 301 || answer.status() == 308;
                current = redirectTarget(current, location);
                permanent = allPermanent ? current : null;
                continue;
            }
            return answer.withPermanentUrl(permanent);
        }
        throw new FetchException(
                FetchException.Kind.TOO_MANY_REDIRECTS, "too many redirects (more than " + config.maxRedirects() + ")");
    }

    /**
     * A form POST ({@code application/x-www-form-urlencoded}), e.g. a Webmention to an endpoint, with the
     * same address guard, timeouts and limits as a GET. Redirects are not followed: a 3xx is the answer.
     * The answer's body is not read.
     */
    public FetchResult postForm(String url, Map<String, String> fields) throws FetchException {
        refuseInsideTransaction(url);
        WebUrl target = target(url);
        HttpPost post = new HttpPost(target.toUri());
        post.setEntity(new UrlEncodedFormEntity(
                fields.entrySet().stream()
                        .map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue()))
                        .toList(),
                StandardCharsets.UTF_8));
        return exchange(target, post, response -> result(response, url, new byte[0], null));
    }

    private void refuseInsideTransaction(String url) {
        if (insideTransaction.getAsBoolean()) {
            // A slow server would hold a pooled database connection for the whole fetch timeout.
            throw new IllegalStateException("HTTP request to " + url + " inside a database transaction");
        }
    }

    private interface Reader {
        FetchResult read(ClassicHttpResponse response) throws IOException, FetchException;
    }

    /** One request and its answer, bounded as a whole by the total timeout; IO errors in plain words. */
    private FetchResult exchange(WebUrl target, HttpUriRequestBase request, Reader reader) throws FetchException {
        // The socket timeout bounds each read; this bounds the whole exchange (a server dripping bytes). The
        // flag is set before cancelling: the read may fail while the watchdog is still closing the connection.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(
                () -> {
                    timedOut.set(true);
                    request.cancel();
                },
                config.totalTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            return reader.read(response);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchException(
                        FetchException.Kind.TIMEOUT,
                        "timed out after " + config.totalTimeout().toSeconds() + " s",
                        e);
            }
            throw translate(target, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private FetchResult result(ClassicHttpResponse response, String url, byte[] body, String botCheck) {
        return new FetchResult(
                response.getCode(),
                url,
                null,
                body,
                header(response, "Content-Type"),
                header(response, "ETag"),
                header(response, "Last-Modified"),
                retryAfter(response),
                maxAge(response),
                Arrays.stream(response.getHeaders("Link")).map(Header::getValue).toList(),
                header(response, "Location"),
                botCheck);
    }

    /** Plain GET of a web page (post page, blog home page). */
    public FetchResult fetchPage(String url) throws FetchException {
        return fetch(url, PAGE_ACCEPT, null, null);
    }

    @PreDestroy
    void close() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }

    /**
     * The URL as browsers read it, as it is fetched: its {@link WebUrl#toUri} is what is requested (punycode host,
     * UTF-8 escapes).
     *
     * @throws FetchException ({@link FetchException.Kind#REFUSED}) when it is no http(s) URL with a valid host
     */
    public static WebUrl target(String url) throws FetchException {
        try {
            return WebUrl.parse(url);
        } catch (InvalidUrlException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "cannot fetch: " + e.getMessage());
        }
    }

    private static String redirectTarget(String from, String location) throws FetchException {
        String target = Urls.resolve(from, location);
        if (target == null) {
            throw new FetchException(FetchException.Kind.REFUSED, "invalid redirect target: " + location);
        }
        return target;
    }

    /** At most the first {@code bytes} of a body; the rest is left unread. */
    private static byte[] readPrefix(HttpEntity entity, int bytes) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in.readNBytes(bytes);
        }
    }

    private byte[] readCapped(HttpEntity entity, HttpUriRequestBase get) throws IOException, FetchException {
        if (entity == null) {
            return new byte[0];
        }
        long cap = config.maxBodyBytes();
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > cap) {
                    get.cancel(); // drop the connection rather than drain a huge or endless body
                    throw new FetchException(
                            FetchException.Kind.TOO_LARGE,
                            "response larger than " + cap + " bytes (after decompression)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private Duration retryAfter(ClassicHttpResponse response) {
        String value = header(response, "Retry-After");
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Instant date = DateUtils.parseStandardDate(v);
        if (date == null) {
            return null;
        }
        Duration d = Duration.between(clock.instant(), date);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The answer's freshness lifetime (RFC 9111, 4.2.1): {@code Cache-Control: max-age}, else
     * {@code Expires} minus {@code Date} (or now); null when it gives none or is already stale.
     */
    private Duration maxAge(ClassicHttpResponse response) {
        String cacheControl = header(response, "Cache-Control");
        if (cacheControl != null) {
            java.util.regex.Matcher m = MAX_AGE.matcher(cacheControl);
            if (m.find()) {
                return Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        Instant expires = httpDate(header(response, "Expires"));
        if (expires == null) {
            return null;
        }
        Instant date = httpDate(header(response, "Date"));
        Duration lifetime = Duration.between(date != null ? date : clock.instant(), expires);
        return lifetime.isNegative() || lifetime.isZero() ? null : lifetime;
    }

    /** An HTTP date, or null for none or an invalid one (such as the "0" or "-1" servers send as Expires). */
    private static Instant httpDate(String value) {
        return value == null ? null : DateUtils.parseStandardDate(value.trim());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static FetchException translate(WebUrl url, IOException e) {
        String host = url.host();
        if (e instanceof GuardedDnsResolver.AddressNotAllowedException) {
            return new FetchException(FetchException.Kind.REFUSED, e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.NETWORK, "host not found: " + host, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new FetchException(
                    FetchException.Kind.NETWORK, "could not connect to " + host + ": connection refused", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new FetchException(FetchException.Kind.TIMEOUT, "timed out talking to " + host, e);
        }
        return new FetchException(
                FetchException.Kind.NETWORK, "network error talking to " + host + ": " + e.getMessage(), e);
    }
}
