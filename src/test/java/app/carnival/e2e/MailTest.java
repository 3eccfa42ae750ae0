package app.carnival.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.carnival.mail.MailWorker;
import app.carnival.testing.EmbeddedPostgresResource;
import app.carnival.testing.FeedServer;
import app.carnival.testing.GreenMailResource;
import app.carnival.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mails end to end, delivered to a real SMTP server on loopback (GreenMail, {@link GreenMailResource}):
 * reminders at 09:00 in the participant's zone, "you are in the round-up" on publication, the host's
 * digest of failing feeds, an SMTP outage, one-click unsubscribing, and the address never shown.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class MailTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @RegisterExtension
    static final FeedServer server = new FeedServer();

    @Inject
    MailWorker worker;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClockAndUnpublish() {
        clock.reset();
        // Published here by SQL, for the mails only: left published, their responses would be announced by the
        // Webmention job other test classes run, and counted there.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE assignment SET roundup_published_at = NULL"
                                + " WHERE series_id IN (SELECT id FROM series WHERE slug LIKE 'mail-%')")
                        .executeUpdate());
    }

    static String invitation(String slug, int n) {
        return "https://host.example/" + slug + "/invitation-" + n + "/";
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(NEW_YORK));
    }

    /** An assignment of the series, in New York time. */
    static void assignment(String slug, String token, int n, Instant opens, Instant closes) {
        Map<String, Object> a = new HashMap<>(Api.assignment(invitation(slug, n), iso(opens), iso(closes), 0));
        a.put("title", "Topic " + n + " of " + slug);
        a.put("timezone", NEW_YORK.getId());
        Api.createAssignment(slug, token, a).statusCode(201);
    }

    /** A blog whose feed answers assignment {@code n} (a post published at {@code at}), or no assignment (n = 0). */
    static String blog(String slug, String who, int n, Instant at) {
        String site = server.url("/" + slug + "/" + who);
        String item = Feeds.wordpressItem(
                site + "/post-" + n + "/",
                "Post of " + who,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneId.of("UTC"))),
                "Life",
                n == 0
                        ? "<p>Nothing to do with the carnival.</p>"
                        : "<p>My answer to <a href=\"" + invitation(slug, n) + "\">the invitation</a>.</p>");
        server.serve("/" + slug + "/" + who + "/feed", "application/rss+xml", Feeds.wordpress(site, item));
        return site;
    }

    static long register(String slug, String who, String email, String zone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", who);
        body.put("blogUrl", server.url("/" + slug + "/" + who));
        body.put("feedUrl", server.url("/" + slug + "/" + who + "/feed"));
        if (email != null) {
            body.put("email", email);
            body.put("timeZone", zone);
        }
        return ((Number) given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/series/" + slug + "/participants")
                        .then()
                        .statusCode(201)
                        .body("reminders", equalTo(email != null))
                        .extract()
                        .path("id"))
                .longValue();
    }

    /**
     * A series whose assignment 1 closed a day ago, answered by {@code who} (registered with the address), and
     * by nobody else who registered before the poll ({@code others}: registered with an address, no answer).
     * Returns the host token; the feeds are polled.
     */
    static String closedAndAnswered(String slug, String who, String email, String... others) {
        String token = Api.createSeries(slug, slug.replace("-", ""));
        Instant now = Instant.now();
        assignment(slug, token, 1, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        blog(slug, who, 1, now.minus(Duration.ofDays(5)));
        register(slug, who, email, "Europe/Paris");
        for (String other : others) {
            blog(slug, other, 0, now.minus(Duration.ofDays(5)));
            register(slug, other, other + "@" + slug + ".test", "Europe/Paris");
        }
        Api.pollSeries(slug, token).statusCode(200);
        return token;
    }

    void at(Instant t) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), t));
    }

    void publish(String slug, int n) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE assignment SET roundup_published_at = ?1 WHERE number = ?2"
                                + " AND series_id = (SELECT id FROM series WHERE slug = ?3)")
                        .setParameter(1, java.sql.Timestamp.from(clock.instant()))
                        .setParameter(2, n)
                        .setParameter(3, slug)
                        .executeUpdate());
    }

    Object sql(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(query);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return q.getSingleResult();
        });
    }

    /** The text of a single-part mail, decoded from its transfer encoding. */
    static String text(MimeMessage m) throws Exception {
        try (var in = jakarta.mail.internet.MimeUtility.decode(m.getRawInputStream(), m.getEncoding())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String unsubscribePath(MimeMessage m) throws Exception {
        String header = m.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<http://carnival.test/unsubscribe/").endsWith(">");
        return URI.create(header.substring(1, header.length() - 1)).getPath();
    }

    /** One reminder, at 09:00 New York time two days before the deadline's date, to Ann only; never twice. */
    @Test
    void reminderAtNineInTheParticipantsZoneOnlyToWhoHasNotAnsweredAndOnce() throws Exception {
        String slug = "mail-remind";
        String token = Api.createSeries(slug, "remind");
        Instant now = Instant.now();
        LocalDate day = now.atZone(NEW_YORK).toLocalDate().plusDays(5);
        Instant deadline = day.atTime(18, 0).atZone(NEW_YORK).toInstant();
        assignment(slug, token, 1, now.minus(Duration.ofDays(1)), deadline);
        blog(slug, "ann", 0, now.minus(Duration.ofHours(1)));
        blog(slug, "bob", 1, now.minus(Duration.ofHours(1)));
        blog(slug, "carol", 0, now.minus(Duration.ofHours(1)));
        register(slug, "ann", "ann@remind.test", NEW_YORK.getId());
        register(slug, "bob", "bob@remind.test", NEW_YORK.getId());
        register(slug, "carol", null, null);
        Api.pollSeries(slug, token).statusCode(200);
        given().get("/api/series/" + slug + "/assignments/1/roundup")
                .then()
                .body("responses.participant", hasItem("bob"));

        Instant nine =
                day.minusDays(2).atTime(LocalTime.of(9, 0)).atZone(NEW_YORK).toInstant();
        at(nine.minus(Duration.ofMinutes(5)));
        worker.run();
        assertThat(GreenMailResource.receivedBy("ann@remind.test")).isEmpty();

        at(nine.plus(Duration.ofMinutes(1)));
        worker.run();
        List<MimeMessage> ann = GreenMailResource.receivedBy("ann@remind.test");
        assertThat(ann).hasSize(1);
        MimeMessage m = ann.get(0);
        assertThat(m.getSubject())
                .startsWith("Reminder: Series mail-remind #1: Topic 1 of mail-remind closes ")
                .contains("18:00 (America/New_York)");
        assertThat(m.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("ann@remind.test");
        assertThat(m.getFrom()[0].toString()).contains("carnival@carnival.test");
        String body = text(m);
        assertThat(body)
                .contains("Hello ann,")
                .contains("The invitation: " + invitation(slug, 1))
                .contains("The assignment: http://carnival.test/series/mail-remind/1")
                .contains(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH)
                                .format(day) + ", 18:00 (America/New_York)")
                .contains("http://carnival.test/unsubscribe/");
        assertThat(unsubscribePath(m)).matches("/unsubscribe/[A-Za-z0-9_-]{43}");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(raw(m)).doesNotContain("bob@remind.test").doesNotContain("carol");
        assertThat(GreenMailResource.receivedBy("bob@remind.test"))
                .as("Bob answered already")
                .isEmpty();

        // Again, and once more as a restarted instance would: the outbox says it is sent.
        worker.run();
        at(nine.plus(Duration.ofHours(3)));
        worker.run();
        worker.drain();
        assertThat(GreenMailResource.receivedBy("ann@remind.test")).hasSize(1);
        assertThat(sql("SELECT count(*) FROM mail_outbox o JOIN participant p ON p.id = o.participant_id"
                        + " WHERE p.email = 'ann@remind.test' AND o.state = 'SENT' AND o.attempts = 1"))
                .isEqualTo(1L);
    }

    /** "You are in" when the round-up is published: to Ann, who answered; not to Dan, who did not. */
    @Test
    void youAreInTheRoundupOnPublicationOnlyToTheIncluded() throws Exception {
        String slug = "mail-in";
        closedAndAnswered(slug, "ann", "ann@in.test", "dan");

        worker.run();
        assertThat(GreenMailResource.receivedBy("ann@in.test"))
                .as("not published yet")
                .isEmpty();

        publish(slug, 1);
        worker.run();
        worker.run();
        List<MimeMessage> ann = GreenMailResource.receivedBy("ann@in.test");
        assertThat(ann).hasSize(1);
        assertThat(ann.get(0).getSubject())
                .isEqualTo("You are in the round-up of Series mail-in #1: Topic 1 of mail-in");
        assertThat(text(ann.get(0)))
                .contains("your post is in it:\r\nhttp://carnival.test/series/mail-in/1")
                .contains("Stop these mails");
        assertThat(ann.get(0).getHeader("List-Unsubscribe", null)).isNotNull();
        assertThat(GreenMailResource.receivedBy("dan@mail-in.test")).isEmpty();
    }

    /** The host hears of a feed that has failed for 24 hours, once per failure episode. */
    @Test
    void hostDigestAfterADayOfFailuresOncePerEpisode() throws Exception {
        String slug = "mail-digest";
        String token = Api.createSeries(slug, "digest");
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("hostEmail", "host@digest.test", "reminderDays", 3))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(200)
                .body("reminderDays", equalTo(3));
        blog(slug, "eve", 0, Instant.now());
        register(slug, "eve", null, null);
        blog(slug, "fay", 0, Instant.now());
        register(slug, "fay", null, null);
        server.status("/" + slug + "/eve/feed", 500, Map.of());
        Api.pollSeries(slug, token).statusCode(200);
        Instant failed = clock.instant();

        at(failed.plus(Duration.ofHours(23)));
        worker.run();
        assertThat(GreenMailResource.receivedBy("host@digest.test")).isEmpty();

        at(failed.plus(Duration.ofHours(25)));
        worker.run();
        worker.run();
        List<MimeMessage> host = GreenMailResource.receivedBy("host@digest.test");
        assertThat(host).hasSize(1);
        assertThat(host.get(0).getSubject())
                .isEqualTo("Series mail-digest: a participant's feed has been failing for a day");
        String body = text(host.get(0));
        assertThat(body)
                .contains("- eve (" + server.url("/" + slug + "/eve") + ")")
                .contains("500")
                .contains("http://carnival.test/series/mail-digest/host")
                .doesNotContain("fay");
        assertThat(host.get(0).getHeader("List-Unsubscribe", null)).isNotNull();
        // Still failing later on: the same episode, no second digest.
        Api.pollSeries(slug, token).statusCode(200);
        at(failed.plus(Duration.ofHours(60)));
        worker.run();
        assertThat(GreenMailResource.receivedBy("host@digest.test")).hasSize(1);
        // Never in the series as the public sees it.
        assertThat(given().get("/api/series/" + slug).asString()).doesNotContain("host@digest.test");
        assertThat(given().get("/api/series").asString()).doesNotContain("host@digest.test");
    }

    /** SMTP down: the mail waits in the outbox, goes out once the server is back, exactly once. */
    @Test
    void smtpDownMailsStayQueuedAndGoOutOnceWhenItIsBack() throws Exception {
        String slug = "mail-outage";
        closedAndAnswered(slug, "gus", "gus@outage.test");
        publish(slug, 1);

        GreenMailResource.stopServer();
        try {
            assertThat(worker.run()).isZero();
            assertThat(sql(
                            "SELECT state || ' ' || attempts || ' ' || (last_error IS NOT NULL) FROM mail_outbox"
                                    + " WHERE dedupe_key LIKE 'in:%' AND series_id = (SELECT id FROM series WHERE slug = ?1)",
                            slug))
                    .isEqualTo("QUEUED 1 true");
            assertThat(worker.run()).as("waits for its back-off").isZero();
        } finally {
            GreenMailResource.startServer();
        }
        assertThat(worker.run()).as("still waiting for its back-off").isZero();
        at(clock.instant().plus(Duration.ofMinutes(2)));
        worker.run();
        at(clock.instant().plus(Duration.ofHours(2)));
        worker.run();
        worker.drain();
        assertThat(GreenMailResource.receivedBy("gus@outage.test")).hasSize(1);
        // Two attempts, or three when the mailer first tried a pooled connection the outage had closed (seen once
        // in a full run on a busy machine): what counts is one mail, sent, after the failed attempt.
        assertThat(sql(
                        "SELECT state || ' ' || (attempts >= 2) FROM mail_outbox WHERE dedupe_key LIKE 'in:%'"
                                + " AND series_id = (SELECT id FROM series WHERE slug = ?1)",
                        slug))
                .isEqualTo("SENT true");
    }

    static Document page(io.restassured.response.Response r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.contentType()).contains("text/html");
        return Jsoup.parse(r.asString());
    }

    /** The link of a mail: a page with a button (GET changes nothing), the POST unsubscribes, then it is used. */
    @Test
    void unsubscribeFlowOneClickThenUsedAndWrongTokens() throws Exception {
        String slug = "mail-unsub";
        String token = Api.createSeries(slug, "unsub");
        Instant now = Instant.now();
        assignment(slug, token, 1, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        assignment(slug, token, 2, now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(12)));
        String site = server.url("/" + slug + "/hal");
        server.serve(
                "/" + slug + "/hal/feed",
                "application/rss+xml",
                Feeds.wordpress(
                        site,
                        Feeds.wordpressItem(
                                site + "/one/",
                                "One",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        now.minus(Duration.ofDays(5)).atZone(ZoneId.of("UTC"))),
                                "x",
                                "<p><a href=\"" + invitation(slug, 1) + "\">1</a></p>"),
                        Feeds.wordpressItem(
                                site + "/two/",
                                "Two",
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        now.minus(Duration.ofHours(15)).atZone(ZoneId.of("UTC"))),
                                "x",
                                "<p><a href=\"" + invitation(slug, 2) + "\">2</a></p>")));
        long hal = register(slug, "hal", "hal@unsub.test", "UTC");
        Api.pollSeries(slug, token).statusCode(200);
        publish(slug, 1);
        worker.run();
        List<MimeMessage> mails = GreenMailResource.receivedBy("hal@unsub.test");
        assertThat(mails).hasSize(1);
        String path = unsubscribePath(mails.get(0));

        Document confirm = page(given().get(path), 200);
        assertThat(confirm.select("h1").text()).isEqualTo("Stop these mails?");
        assertThat(confirm.select("form[method=post][action=" + path + "] button")
                        .text())
                .isEqualTo("Unsubscribe");
        given().get("/api/participants/" + hal).then().body("participant.reminders", equalTo(true));

        // As a mail client does it (RFC 8058).
        Document done = page(
                given().contentType(ContentType.URLENC)
                        .formParam("List-Unsubscribe", "One-Click")
                        .post(path),
                200);
        assertThat(done.select("h1").text()).isEqualTo("You are unsubscribed");
        given().get("/api/participants/" + hal).then().body("participant.reminders", equalTo(false));
        assertThat(sql("SELECT count(*) FROM participant WHERE id = ?1 AND email IS NULL", hal))
                .isEqualTo(1L);

        Document again = page(given().contentType(ContentType.URLENC).post(path), 200);
        assertThat(again.select("h1").text()).isEqualTo("Already unsubscribed");
        assertThat(page(given().get(path), 200).select("h1").text()).isEqualTo("Already unsubscribed");
        Document wrong = page(given().get("/unsubscribe/" + "x".repeat(43)), 404);
        assertThat(wrong.select("h1").text()).isEqualTo("This unsubscribe link is not valid");
        assertThat(page(given().post("/unsubscribe/nope"), 404).select("h1").text())
                .isEqualTo("This unsubscribe link is not valid");

        // The second round-up is published: nothing more for Hal.
        publish(slug, 2);
        worker.run();
        assertThat(GreenMailResource.receivedBy("hal@unsub.test")).hasSize(1);
    }

    /** The address is stored to send mail and shown nowhere: every page, export and API answer about Ivy. */
    @Test
    void theAddressIsShownNowhere() {
        String slug = "mail-private";
        String token = closedAndAnswered(slug, "ivy", "Secret.Ivy@Private.test");
        long ivy = ((Number) given().get("/api/series/" + slug + "/participants")
                        .then()
                        .extract()
                        .path("[0].id"))
                .longValue();
        List<String> paths = List.of(
                "/api/series/" + slug + "/participants",
                "/api/participants/" + ivy,
                "/api/series/" + slug + "/participants/" + ivy + "/history",
                "/api/series/" + slug + "/participants/" + ivy + "/responses.atom",
                "/api/series/" + slug + "/participants.opml",
                "/api/series/" + slug + "/responses.atom",
                "/api/series/" + slug + "/assignments/1/roundup",
                "/api/series/" + slug + "/assignments/1/roundup.atom",
                "/api/series/" + slug + "/assignments/1/roundup.md",
                "/api/series/" + slug + "/assignments/1/roundup.html",
                "/api/series/" + slug + "/stats",
                "/series/" + slug,
                "/series/" + slug + "/1",
                "/series/" + slug + "/participants/" + ivy,
                "/series/" + slug + "/calendar.ics");
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            bodies.add(given().get(path).then().statusCode(200).extract().asString());
        }
        bodies.add(given().header("Authorization", "Bearer " + token)
                .get("/api/series/" + slug + "/assignments/1/responses")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(bodies)
                .hasSize(paths.size() + 1)
                .allSatisfy(b ->
                        assertThat(b.toLowerCase()).doesNotContain("secret.ivy").doesNotContain("private.test"));
        given().get("/api/participants/" + ivy).then().body("participant.reminders", equalTo(true));
    }

    /** The registration form as a browser posts it; the page that comes back, with the status expected. */
    static Document registerByForm(String slug, String who, String email, String zone, int status) {
        return page(
                given().contentType(ContentType.URLENC)
                        .formParam("name", who)
                        .formParam("blogUrl", server.url("/" + slug + "/" + who))
                        .formParam("feedUrl", server.url("/" + slug + "/" + who + "/feed"))
                        .formParam("email", email)
                        .formParam("timeZone", zone)
                        .post("/series/" + slug + "/register"),
                status);
    }

    @Test
    void invalidAddressesAre422AtTheirFieldAndStoreNothing() {
        String slug = "mail-bad";
        String token = Api.createSeries(slug, "bad");
        blog(slug, "jo", 0, Instant.now());
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "jo",
                "blogUrl",
                server.url("/" + slug + "/jo"),
                "feedUrl",
                server.url("/" + slug + "/jo/feed"),
                "email",
                "jo at example dot org"));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/series/" + slug + "/participants")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        body.put("email", "jo@example.org");
        body.put("timeZone", "Mars/Olympus_Mons");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/series/" + slug + "/participants")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("timeZone"));

        Document form = registerByForm(slug, "jo", "jo@", "Europe/Paris", 422);
        assertThat(form.select("#email-error").text())
                .isEqualTo("E-mail address must be an e-mail address such as name@example.org");
        assertThat(form.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#email").attr("value")).isEqualTo("jo@");
        assertThat(form.select(".error-summary a[href=#email]").text()).startsWith("E-mail address must be");
        assertThat(form.select("#timeZone option[selected]").text()).isEqualTo("Europe/Paris");
        given().get("/api/series/" + slug + "/participants").then().body("size()", equalTo(0));

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("hostEmail", "host@", "reminderDays", 31))
                .patch("/api/series/" + slug)
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("hostEmail", "reminderDays"));
    }

    /** With an SMTP server configured the form offers reminders, the zone preselected from the series' newest assignment. */
    @Test
    void theRegistrationFormOffersRemindersInTheSeriesZone() {
        String slug = "mail-form";
        String token = Api.createSeries(slug, "form");
        Instant now = Instant.now();
        assignment(slug, token, 1, now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(11)));
        Document form = page(given().get("/series/" + slug + "/register"), 200);
        assertThat(form.select("input#email[type=email][name=email]")).hasSize(1);
        assertThat(form.select("label[for=email]").text()).contains("(optional)");
        assertThat(form.select("#timeZone option[selected]").text()).isEqualTo("America/New_York");
        assertThat(form.select("script[src=/static/zone.js]")).hasSize(1);

        blog(slug, "kim", 0, now);
        Document registered = registerByForm(slug, "kim", "kim@form.test", "Asia/Tokyo", 201);
        assertThat(registered.text()).contains("Reminders: on").doesNotContain("kim@form.test");
        assertThat(sql("SELECT time_zone FROM participant WHERE email = 'kim@form.test'"))
                .isEqualTo("Asia/Tokyo");
    }
}
