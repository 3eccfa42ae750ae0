package app.carnival.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every Carnival setting, with its default. Set as {@code carnival.*} properties or {@code CARNIVAL_*} env vars. */
@ConfigMapping(prefix = "carnival")
public interface CarnivalConfig {

    Fetch fetch();

    Poll poll();

    Roundup roundup();

    Intake intake();

    Registration registration();

    Announce announce();

    Mail mail();

    WebSub websub();

    RateLimits rateLimits();

    /**
     * Who may start a series: {@code open} (anyone, on the API and the "Start a carnival" form),
     * {@code token} (only a caller presenting {@code carnival.operator-token}) or {@code closed}
     * (nobody on the web; the operator runs {@code create-series} on the command line). A public
     * instance should choose {@code token} or {@code closed}.
     */
    @WithDefault("open")
    SeriesCreation seriesCreation();

    /**
     * The operator's token, required to start a series when {@code carnival.series-creation=token}
     * (as {@code Authorization: Bearer}, or in the form's "Operator token" field). Unset by default;
     * with {@code token} and no operator token nobody can start a series on the web.
     */
    Optional<String> operatorToken();

    /**
     * The service's public base URL, without a trailing slash: every absolute link it advertises
     * (Webmention and Pingback endpoints, assignment pages named as targets) starts with it.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    enum SeriesCreation {
        OPEN,
        TOKEN,
        CLOSED
    }

    /**
     * Writes each client address may make, as {@code requests/period} (e.g. {@code 10/1h}: a burst of
     * 10, then one more every 6 minutes). Kept in PostgreSQL, so every instance counts the same
     * requests. The address is the TCP peer's, or the forwarded one when
     * {@code quarkus.http.proxy.proxy-address-forwarding} is on; IPv6 clients count by their /64.
     */
    interface RateLimits {
        /** Series started (API and form), counted per attempt. */
        @WithDefault("10/1h")
        Rate seriesCreation();

        /** Registrations (API and form), counted per attempt. */
        @WithDefault("30/1h")
        Rate registration();

        /** A participant's own actions on the API (read, leave, poll now) and unsubscribing from mails. */
        @WithDefault("60/1h")
        Rate selfService();

        /**
         * Wrong tokens: host logins that fail, and requests whose bearer token or host cookie was
         * checked and matched nothing. Past it every token check for the address is refused (429),
         * the right token's too, until the limit allows one again: a correct guess can not be told apart.
         */
        @WithDefault("10/15m")
        Rate wrongTokens();
    }

    interface Fetch {
        /** TCP connect timeout. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Whole request budget, headers and body; a server dripping bytes is cut off here. */
        @WithDefault("30s")
        Duration totalTimeout();

        /** Largest body accepted, counted after gzip/deflate decompression. */
        @WithDefault("5242880")
        long maxBodyBytes();

        @WithDefault("5")
        int maxRedirects();

        /**
         * How long an unused connection is kept open for the next request to its host. The pool has a limit
         * per host, none in total: idle connections are closed after this time instead.
         */
        @WithDefault("30s")
        Duration idleConnectionTime();

        /**
         * SSRF guard: when false (the default) the fetcher refuses loopback, private, link-local and
         * other non-public addresses. Local development and tests turn this on.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /**
         * Address blocks exempt from the SSRF guard (e.g. {@code 10.20.0.0/16} for a trusted internal
         * feed server) while it stays on for everything else. Empty by default.
         */
        Optional<List<String>> allowNetworks();

        /**
         * Refuse (with an exception) any HTTP request made while a database transaction is open on the
         * calling thread. On in tests, where such a request is a bug; off by default in production.
         */
        @WithDefault("false")
        boolean refuseInsideTransaction();

        @WithDefault("Carnival/1.0 (+https://github.com/carnival; blog carnival round-ups)")
        String userAgent();
    }

    interface Poll {
        /** Run the background poller. Tests switch it off and poll on demand. */
        @WithDefault("true")
        boolean schedulerEnabled();

        /**
         * How often the poller looks for due feeds (sub-second values are honoured). Between two looks it
         * wakes when the next feed falls due, so a feed is polled on time, not up to a tick late.
         */
        @WithDefault("5s")
        Duration tick();

        /** Time between two polls of a healthy feed whose posting rhythm is not known yet. */
        @WithDefault("30m")
        Duration interval();

        /** Shortest time between two polls; used close to a deadline. */
        @WithDefault("5m")
        Duration minInterval();

        /** Longest time between two polls of a healthy feed (a blog that posts once a month). */
        @WithDefault("4h")
        Duration maxInterval();

        /** Longest time between two polls while an assignment of one of the feed's series is open. */
        @WithDefault("10m")
        Duration openInterval();

        /** How close to an open assignment's deadline (grace included) feeds are polled at the minimum interval. */
        @WithDefault("24h")
        Duration deadlineWindow();

        /** Jitter applied to every next-poll time, as a fraction of the delay (0.1 = ±10%). */
        @WithDefault("0.1")
        double jitter();

        /** First back-off delay after an error; doubles per consecutive error. */
        @WithDefault("1m")
        Duration backoffBase();

        /** Longest back-off delay; a failing feed is still retried at least this often. */
        @WithDefault("12h")
        Duration backoffCap();

        /** How long a claimed feed stays reserved by the instance polling it (a crashed poll is retried after this). */
        @WithDefault("5m")
        Duration lease();

        /** Feeds claimed at once; a cycle claims batch after batch until nothing is due. */
        @WithDefault("256")
        int batchSize();

        /** Concurrent fetches in total. */
        @WithDefault("16")
        int parallelism();

        /** Concurrent fetches against one host. */
        @WithDefault("2")
        int perHostParallelism();

        /** Minimum time between two poll-now requests for the same feed. */
        @WithDefault("30s")
        Duration manualMinInterval();

        /** Recent posts shown, with match explanations, for a participant. */
        @WithDefault("20")
        int recentPosts();

        /**
         * Readiness fails when the scheduler running on this instance has finished no batch of feeds
         * and no tick for this long (it is stuck).
         */
        @WithDefault("2m")
        Duration maxSilence();

        /** Readiness fails when the oldest due feed is overdue by more than this (the pollers are behind). */
        @WithDefault("30m")
        Duration maxLag();
    }

    interface Roundup {
        /**
         * Bytes of rendered round-ups (JSON, pages) kept in memory at most. Past it the renderings
         * least likely to be asked for again are dropped, and rendered again when they are.
         */
        @WithDefault("33554432")
        long cacheMaxBytes();
    }

    interface Intake {
        /** Run the background verification of queued Webmentions and comment candidates. Tests drain the queue on demand. */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often the worker looks for queued candidates. */
        @WithDefault("1s")
        Duration tick();

        /** Candidates verified at once (each fetches its source page). */
        @WithDefault("8")
        int parallelism();

        /** Candidates claimed at once; the worker claims batch after batch until nothing is due. */
        @WithDefault("32")
        int batchSize();

        /** How long a claimed candidate stays reserved by the instance verifying it. */
        @WithDefault("5m")
        Duration lease();

        /** First delay after a timeout, 5xx or connection error; doubles per attempt. */
        @WithDefault("1m")
        Duration backoffBase();

        /** Longest delay between two attempts. */
        @WithDefault("6h")
        Duration backoffCap();

        /** Attempts before a source that keeps failing is given up (rejected; an existing response stays). */
        @WithDefault("8")
        int maxAttempts();

        /** Candidates waiting for verification per assignment; past it new ones are refused (429). */
        @WithDefault("500")
        int queueCapPerAssignment();

        /** Webmentions and pingbacks accepted per client address per minute (per instance). */
        @WithDefault("60")
        int perClientPerMinute();

        /** Webmentions and pingbacks accepted per source host per minute (per instance). */
        @WithDefault("30")
        int perSourceHostPerMinute();

        /** How often an open assignment's invitation page is checked for comments, pingbacks and trackbacks. */
        @WithDefault("10m")
        Duration watchInterval();
    }

    /**
     * Caps on registrations, so that a public instance can not be made to poll an unbounded number of
     * feeds for one series. Registrations waiting for the host's approval count: they were fetched
     * once, and approving one must not break a cap. Checked when a blog registers, under a lock on
     * the series (two registrations at once can not both take the last place); a refusal is a 409
     * naming the limit, and stores nothing.
     */
    interface Registration {
        /** Participants of one series at most, whatever their status or origin. */
        @WithDefault("500")
        int maxParticipantsPerSeries();

        /**
         * Participants of one series at most whose feeds are on one host name ({@code www.} and case
         * aside). This is what keeps a series from pointing many feeds at one third-party site. Blog
         * platforms that serve every blog's feed from one host (medium.com/feed/@user, feeds.feedburner.com)
         * reach it first, while those with a host per blog (*.wordpress.com, *.blogspot.com, *.substack.com)
         * never do: 20 such blogs in one series are plenty for a carnival, few enough for the site (and
         * the poller fetches at most {@code per-host-parallelism} of them at a time anyway). Raise it on an
         * instance whose community lives on one such platform.
         */
        @WithDefault("20")
        int maxFeedsPerHost();
    }

    /** Telling participants they are in: Webmentions from a published round-up to each included post. */
    interface Announce {
        /**
         * Run the background job that publishes round-ups of auto-publishing series when their grace
         * period ends and sends the Webmentions. Tests run it on demand.
         */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often the job looks for round-ups to publish and Webmentions to send. */
        @WithDefault("30s")
        Duration tick();

        /** Webmentions sent at once (each fetches the post, then posts to its endpoint). */
        @WithDefault("4")
        int parallelism();

        /** Webmentions claimed at once; the job claims batch after batch until nothing is due. */
        @WithDefault("16")
        int batchSize();

        /** How long a claimed Webmention stays reserved by the instance sending it. */
        @WithDefault("5m")
        Duration lease();

        /** Attempts in all (the first and the retries) before a Webmention that keeps failing is given up. */
        @WithDefault("4")
        int maxAttempts();

        /** Delay before the first retry after a 5xx, a timeout or a connection error; doubles per attempt. */
        @WithDefault("1m")
        Duration backoffBase();

        /** Longest delay between two attempts. */
        @WithDefault("1h")
        Duration backoffCap();
    }

    interface Mail {
        /**
         * The SMTP server mails go through ({@code quarkus.mailer.host} follows it; port, TLS and
         * credentials are the {@code quarkus.mailer.*} settings). Unset (the default): Carnival sends
         * no mail, queues none, and its forms and API take no e-mail address.
         */
        Optional<String> smtpHost();

        /** The sender of every mail. */
        @WithDefault("Carnival <carnival@localhost>")
        String from();

        /** Run the background mail worker (queue due mails, send them). Tests drive it on demand. */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often the worker looks for mails to queue and to send. */
        @WithDefault("30s")
        Duration tick();

        /** Mails claimed at once; the worker claims batch after batch until nothing is due. */
        @WithDefault("20")
        int batchSize();

        /** How long a claimed mail stays reserved by the instance sending it; then another may send it. */
        @WithDefault("5m")
        Duration lease();

        /** First delay after the SMTP server refused or could not be reached; doubles per attempt. */
        @WithDefault("1m")
        Duration backoffBase();

        /** Longest delay between two attempts. */
        @WithDefault("1h")
        Duration backoffCap();

        /** Attempts before a mail is given up (failed); with the defaults, about two days of outage. */
        @WithDefault("50")
        int maxAttempts();

        /**
         * Refuse (with an exception) to talk to the SMTP server while a database transaction is open on
         * the calling thread. On in tests, where that is a bug.
         */
        @WithDefault("false")
        boolean refuseInsideTransaction();
    }

    /** Subscribing to the WebSub hubs that feeds announce, to be told of new posts at once. */
    interface WebSub {
        /**
         * Run the background job that subscribes to discovered hubs, renews, unsubscribes from the
         * hubs of feeds no one follows any more and retries failures. Tests run it on demand.
         */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often the job looks for subscriptions to request, renew or end. */
        @WithDefault("30s")
        Duration tick();

        /** The lease asked of hubs ({@code hub.lease_seconds}); the hub may grant another, which is used. */
        @WithDefault("7d")
        Duration requestedLease();

        /**
         * How often a feed whose hub pushes (a verified, unexpired subscription) is still polled, as a
         * safety net for a lost push; at most {@code carnival.poll.max-interval}, never sooner than its
         * usual schedule, and no later than its lease ends (a lapsed subscription falls back to the usual schedule).
         */
        @WithDefault("6h")
        Duration safetyPollInterval();

        /** Subscriptions claimed at once; the job claims batch after batch until nothing is due. */
        @WithDefault("16")
        int batchSize();

        /** How long a claimed subscription stays reserved by the instance talking to its hub. */
        @WithDefault("5m")
        Duration lease();

        /**
         * Delay before a request is sent again after the hub refused it, could not be reached or did not
         * verify it; doubles per attempt.
         */
        @WithDefault("1m")
        Duration backoffBase();

        /** Longest delay between two requests to a hub. */
        @WithDefault("6h")
        Duration backoffCap();

        /** Unsubscriptions sent without a verification before the subscription is forgotten. */
        @WithDefault("5")
        int maxUnsubscribeAttempts();
    }
}
