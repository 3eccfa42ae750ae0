package app.carnival.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Benchmark feeds on disk: WordPress-style RSS 2.0 documents of 50 items (about 95 KB each) with
 * full HTML in content:encoded, categories, dc:creator, comments and teasers. Each feed has a
 * "generation"; {@link #gainEntry(int)} adds one new item on top and drops the oldest, so nginx
 * then serves a new ETag and Last-Modified. One item per feed (sequence {@link #MATCHING_SEQ})
 * answers the benchmark assignment: it carries the hashtag and links to the invitation.
 */
final class FeedFiles {

    static final String HASHTAG = "carnivalbench";
    static final int ITEMS = 50;
    /** Item sequence number that answers the assignment (position 5 in the first version of every feed). */
    static final int MATCHING_SEQ = 44;

    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final String[] WORDS = ("""
            the a of to and in is that it for on with as was this be are by at from have or an not but
            they which you one all were we when there can more if will about out so up what some would
            into time has two like them other than then first its only new could these way may people
            database query index server latency backup replica schema migration transaction deadlock
            plan cache memory storage cluster partition statistics optimizer lock page buffer checkpoint
            log vacuum performance tuning monitoring alert dashboard cloud container kubernetes deploy
            release test review code design pattern service message queue event stream batch job task
            team meeting career learning community conference talk slides demo question answer story
            mistake lesson advice tool script automation pipeline build version upgrade security audit
            """).trim().split("\\s+");
    private static final String[] TOPICS = {
        "SQL Server",
        "PostgreSQL",
        "Performance",
        "Career",
        "DevOps",
        "Cloud",
        "Security",
        "Community",
        "Tools",
        "Data Engineering",
        "Backups",
        "Indexing"
    };

    private final Path dir;
    private final int count;
    private final String invitationUrl;
    private final Instant base;
    private final int[] generation;

    FeedFiles(Path dir, int count, String invitationUrl, Instant base) {
        this.dir = dir;
        this.count = count;
        this.invitationUrl = invitationUrl;
        this.base = base;
        this.generation = new int[count];
    }

    int count() {
        return count;
    }

    static String fileName(int feed) {
        return "f" + feed + ".xml";
    }

    Path dir() {
        return dir;
    }

    /** Publication time of an item: one every 6 hours, the newest at {@code base}. */
    Instant published(int seq) {
        return base.minus(Duration.ofHours(6L * (ITEMS - 1 - seq)));
    }

    void writeAll(int threads) throws IOException {
        Files.createDirectories(dir);
        try {
            new java.util.concurrent.ForkJoinPool(Math.max(1, threads))
                    .submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                        try {
                            write(i);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }))
                    .get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException("writing feeds failed", e);
        }
    }

    /** The feed gains one new entry on top; the oldest one drops out (50 stay). */
    void gainEntry(int feed) throws IOException {
        generation[feed]++;
        write(feed);
    }

    private void write(int feed) throws IOException {
        Path target = dir.resolve(fileName(feed));
        FileTime previous = Files.exists(target) ? Files.getLastModifiedTime(target) : null;
        Path tmp = dir.resolve(fileName(feed) + ".tmp");
        Files.writeString(tmp, render(feed, generation[feed]), StandardCharsets.UTF_8);
        // nginx's ETag is mtime-size at one-second resolution: make sure a rewrite always changes it.
        Instant now = Instant.now();
        if (previous != null && !now.isAfter(previous.toInstant().plusSeconds(1))) {
            now = previous.toInstant().plusSeconds(1);
        }
        Files.setLastModifiedTime(tmp, FileTime.from(now));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String render(int feed, int gen) {
        int newest = gen + ITEMS - 1;
        String site = site(feed);
        StringBuilder sb = new StringBuilder(100_000);
        sb.append("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
                	xmlns:content="http://purl.org/rss/1.0/modules/content/"
                	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                	xmlns:dc="http://purl.org/dc/elements/1.1/"
                	xmlns:atom="http://www.w3.org/2005/Atom"
                	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
                	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
                	>

                <channel>
                	<title>""")
                .append(blogTitle(feed))
                .append("</title>\n")
                .append("\t<atom:link href=\"")
                .append(site)
                .append("feed/\" rel=\"self\" type=\"application/rss+xml\" />\n")
                .append("\t<link>")
                .append(site)
                .append("</link>\n")
                .append("\t<description>Notes on data, code and community</description>\n")
                .append("\t<lastBuildDate>")
                .append(RFC822.format(published(newest)))
                .append("</lastBuildDate>\n")
                .append("""
                	<language>en-US</language>
                	<sy:updatePeriod>
                	hourly	</sy:updatePeriod>
                	<sy:updateFrequency>
                	1	</sy:updateFrequency>
                	<generator>https://wordpress.org/?v=6.5.3</generator>
                """);
        for (int seq = newest; seq > newest - ITEMS; seq--) {
            item(sb, feed, seq, site);
        }
        sb.append("\t</channel>\n</rss>\n");
        return sb.toString();
    }

    static String site(int feed) {
        return "https://blog" + feed + ".example.net/";
    }

    private static String blogTitle(int feed) {
        return "Blog number " + feed + " &#8211; data and more";
    }

    private void item(StringBuilder sb, int feed, int seq, String site) {
        Random r = new Random(feed * 1_000_003L + seq);
        boolean answers = seq == MATCHING_SEQ;
        Instant when = published(seq);
        String title = answers ? "My answer to #" + HASHTAG : capitalize(words(r, 4 + r.nextInt(5)));
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String link = site
                + DateTimeFormatter.ofPattern("yyyy/MM/dd/", Locale.US)
                        .withZone(ZoneOffset.UTC)
                        .format(when) + slug + "-" + seq + "/";
        sb.append("\t<item>\n\t\t<title>")
                .append(title)
                .append("</title>\n")
                .append("\t\t<link>")
                .append(link)
                .append("</link>\n")
                .append("\t\t<comments>")
                .append(link)
                .append("#respond</comments>\n")
                .append("\t\t<dc:creator><![CDATA[Author ")
                .append(feed)
                .append("]]></dc:creator>\n")
                .append("\t\t<pubDate>")
                .append(RFC822.format(when))
                .append("</pubDate>\n");
        int cats = 2 + r.nextInt(3);
        for (int c = 0; c < cats; c++) {
            sb.append("\t\t<category><![CDATA[")
                    .append(TOPICS[r.nextInt(TOPICS.length)])
                    .append("]]></category>\n");
        }
        if (answers) {
            sb.append("\t\t<category><![CDATA[").append(HASHTAG).append("]]></category>\n");
        }
        sb.append("\t\t<guid isPermaLink=\"false\">")
                .append(site)
                .append("?p=")
                .append(1000 + seq)
                .append("</guid>\n");
        StringBuilder content = new StringBuilder(2000);
        if (answers) {
            content.append("<p>This month&#8217;s <a href=\"")
                    .append(invitationUrl)
                    .append("\">invitation</a> asks a good question, and here is my answer. #")
                    .append(HASHTAG)
                    .append("</p>\n");
        }
        int paragraphs = 3 + (r.nextInt(4) == 0 ? 1 : 0);
        for (int p = 0; p < paragraphs; p++) {
            content.append("<p>").append(capitalize(words(r, 7 + r.nextInt(5))));
            if (r.nextInt(3) == 0) {
                content.append(" <a href=\"https://blog")
                        .append(r.nextInt(5000))
                        .append(".example.net/20")
                        .append(10 + r.nextInt(15))
                        .append("/")
                        .append(words(r, 3).replace(' ', '-'))
                        .append("/\">")
                        .append(words(r, 3))
                        .append("</a>");
            }
            content.append(" <strong>")
                    .append(words(r, 3))
                    .append("</strong> ")
                    .append(words(r, 7 + r.nextInt(5)))
                    .append(".</p>\n");
        }
        if (r.nextInt(4) == 0) {
            content.append(
                    "<pre class=\"wp-block-code\"><code>SELECT name, total FROM report WHERE total &gt; 10 ORDER BY total DESC;</code></pre>\n");
        }
        content.append("<p>The post <a href=\"")
                .append(link)
                .append("\">")
                .append(title)
                .append("</a> appeared first on <a href=\"")
                .append(site)
                .append("\">")
                .append(blogTitle(feed))
                .append("</a>.</p>");
        String text = content.toString();
        String teaser = text.replaceAll("<[^>]+>", "");
        teaser = teaser.substring(0, Math.min(teaser.length(), 200));
        sb.append("\t\t<description><![CDATA[")
                .append(teaser)
                .append(" [&#8230;]]]></description>\n")
                .append("\t\t\t\t\t\t\t\t\t\t<content:encoded><![CDATA[")
                .append(text)
                .append("]]></content:encoded>\n")
                .append("\t\t\t\t\t<wfw:commentRss>")
                .append(link)
                .append("feed/</wfw:commentRss>\n")
                .append("\t\t\t<slash:comments>")
                .append(r.nextInt(12))
                .append("</slash:comments>\n")
                .append("\t\t</item>\n");
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
