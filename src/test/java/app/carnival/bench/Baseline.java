package app.carnival.bench;

import com.rometools.rome.feed.impl.ConfigurableClassLoader;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The bare loop the pipeline is compared with: HTTP GET (Apache HttpClient 5, as the service uses)
 * plus a parse of the body (ROME for feeds, jsoup for web pages), no database, with the same number
 * of threads as the service's poll (or intake) parallelism.
 */
final class Baseline {

    static {
        // The loop is ROME as shipped. The harness has Carnival's classes on its class path, and with them the
        // rome.properties that speeds up the service's own parse (a date mask tried first, an RSS 2.0 parser reading
        // dates with java.time): through it, every such change sped up the reference as well. ROME reads its
        // plugins and masks once per class loader, so this must come before the loop's first parse.
        ConfigurableClassLoader.INSTANCE.setClassLoader(new StockRome(Baseline.class.getClassLoader()));
    }

    /** Carnival's class loader without Carnival's {@code rome.properties}. */
    private static final class StockRome extends ClassLoader {

        private static final String CARNIVAL_ROME_SETUP = "rome.properties";

        StockRome(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return name.equals(CARNIVAL_ROME_SETUP) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws java.io.IOException {
            return name.equals(CARNIVAL_ROME_SETUP) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    /** What is done with a 200 body. */
    enum Body {
        DISCARD,
        /** {@code SyndFeedInput.build(XmlReader)}, as the poller parses feeds. */
        ROME,
        /** {@code Jsoup.parse}, as the intake parses source pages. */
        JSOUP
    }

    record Result(int feeds, double seconds, int ok, int notModified, int errors, long entries) {
        double rate() {
            return feeds / seconds;
        }
    }

    /** Validators seen per URL (ETag, Last-Modified), filled by every run. */
    final Map<String, String[]> validators = new ConcurrentHashMap<>();

    private final int parallelism;

    Baseline(int parallelism) {
        this.parallelism = parallelism;
    }

    /**
     * @param conditional send If-None-Match / If-Modified-Since from the previous run
     * @param body        what to do with 200 bodies
     */
    Result run(List<String> urls, boolean conditional, Body body) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong entries = new AtomicLong();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(256)
                        .setMaxConnPerRoute(parallelism)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(parallelism);
            long start = System.nanoTime();
            for (int t = 0; t < parallelism; t++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < urls.size()) {
                        String url = urls.get(i);
                        HttpGet get = new HttpGet(url);
                        get.setHeader(
                                "Accept",
                                body == Body.JSOUP
                                        ? "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
                                        : "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1");
                        String[] v = validators.get(url);
                        if (conditional && v != null) {
                            if (v[0] != null) {
                                get.setHeader("If-None-Match", v[0]);
                            }
                            if (v[1] != null) {
                                get.setHeader("If-Modified-Since", v[1]);
                            }
                        }
                        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                            int status = response.getCode();
                            if (status == 304) {
                                notModified.incrementAndGet();
                                EntityUtils.consume(response.getEntity());
                                continue;
                            }
                            byte[] bytes = response.getEntity() == null
                                    ? new byte[0]
                                    : EntityUtils.toByteArray(response.getEntity());
                            if (status != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            validators.put(url, new String[] {
                                value(response.getFirstHeader("ETag")), value(response.getFirstHeader("Last-Modified"))
                            });
                            if (body == Body.ROME) {
                                SyndFeed feed =
                                        new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
                                entries.addAndGet(feed.getEntries().size());
                            } else if (body == Body.JSOUP) {
                                Document page = Jsoup.parse(new ByteArrayInputStream(bytes), null, url);
                                entries.addAndGet(page.body().childNodeSize());
                            }
                            ok.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(urls.size(), seconds, ok.get(), notModified.get(), errors.get(), entries.get());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Header h) {
        return h == null ? null : h.getValue();
    }
}
