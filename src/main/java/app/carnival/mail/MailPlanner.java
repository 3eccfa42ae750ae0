package app.carnival.mail;

import app.carnival.config.CarnivalConfig;
import app.carnival.mail.rules.MailTexts;
import app.carnival.mail.rules.ReminderTime;
import app.carnival.mail.store.MailKind;
import app.carnival.mail.store.Outbox;
import app.carnival.security.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the mails that are due and writes each into the outbox once, in one short transaction that
 * sends nothing: reminders ({@link ReminderTime}), "you are in the round-up" mails for round-ups
 * published ({@code assignment.roundup_published_at}, whoever set it) within the last
 * {@link #PUBLISHED_WITHIN}, and the host's digest of feeds failing for {@link #FAILING_FOR}. One
 * instance plans at a time (a transaction-scoped advisory lock); the dedupe keys hold anyway.
 */
@ApplicationScoped
public class MailPlanner {

    /** A round-up published longer ago than this sends no "you are in" mail (to one who registers later, say). */
    static final Duration PUBLISHED_WITHIN = Duration.ofDays(14);

    /** How long a feed fails before its host hears of it. */
    static final Duration FAILING_FOR = Duration.ofHours(24);

    private static final long LOCK = 0x6361726e6d61696cL; // "carnmail"

    private static final String REMINDERS = """
            SELECT p.id, p.name, p.time_zone, s.id, s.slug, s.title, s.hashtag, s.reminder_days,
                   a.id, a.number, a.title, a.invitation_url, a.closes_at
            FROM participant p
            JOIN series s ON s.id = p.series_id
            JOIN assignment a ON a.series_id = s.id
            WHERE p.email IS NOT NULL AND p.status = 'APPROVED' AND a.opens_at <= ?1 AND a.closes_at > ?1
              AND NOT EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = a.id AND r.participant_id = p.id
                                AND r.state IN ('AUTO', 'MANUAL'))
              AND NOT EXISTS (SELECT 1 FROM mail_outbox o
                              WHERE o.dedupe_key = 'reminder:' || p.id || ':' || a.id)
            ORDER BY a.closes_at, p.id
            """;

    private static final String INCLUDED = """
            SELECT DISTINCT p.id, p.name, s.id, s.slug, s.title, s.hashtag, a.id, a.number, a.title, a.invitation_url
            FROM assignment a
            JOIN series s ON s.id = a.series_id
            JOIN response r ON r.assignment_id = a.id AND r.state IN ('AUTO', 'MANUAL')
            JOIN participant p ON p.id = r.participant_id
            WHERE a.roundup_published_at IS NOT NULL AND a.roundup_published_at <= ?1 AND a.roundup_published_at > ?2
              AND p.email IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.dedupe_key = 'in:' || p.id || ':' || a.id)
            ORDER BY a.id, p.id
            """;

    private static final String FAILING = """
            SELECT s.id, s.slug, s.title, p.id, p.name, p.blog_url, f.url, f.failing_since,
                   COALESCE(f.paused_reason, f.last_error)
            FROM series s
            JOIN participant p ON p.series_id = s.id
            JOIN feed f ON f.id = p.feed_id
            WHERE s.host_email IS NOT NULL AND p.status = 'APPROVED' AND f.failing_since IS NOT NULL
              AND f.failing_since <= ?1
              AND NOT EXISTS (SELECT 1 FROM mail_digest_item d
                              WHERE d.participant_id = p.id AND d.failing_since = f.failing_since)
            ORDER BY s.id, p.name, p.id
            """;

    private final EntityManager em;
    private final Outbox outbox;
    private final String publicUrl;
    private final boolean enabled;

    public MailPlanner(EntityManager em, Outbox outbox, CarnivalConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.publicUrl = config.publicUrl();
        this.enabled = config.mail().smtpHost().isPresent();
    }

    /** Queues every mail due at {@code now}; returns how many were queued. Nothing without an SMTP host. */
    public int plan(Instant now) {
        if (!enabled) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0; // another instance is planning
            }
            return reminders(now) + included(now) + digests(now);
        });
    }

    private int reminders(Instant now) {
        int queued = 0;
        for (Object[] r : rows(REMINDERS, Timestamp.from(now))) {
            ZoneId zone = ZoneId.of((String) r[2]);
            Instant deadline = Rows.instant(r[12]);
            if (!ReminderTime.due(now, deadline, zone, Rows.integer(r[7]))) {
                continue;
            }
            long participant = Rows.id(r[0]);
            long assignment = Rows.id(r[8]);
            MailTexts.Text text =
                    MailTexts.reminder((String) r[1], ref(r[4], r[5], r[6], r[9], r[10], r[11]), deadline, zone);
            queued += queue(
                    MailKind.REMINDER,
                    "reminder:" + participant + ":" + assignment,
                    r[3],
                    participant,
                    assignment,
                    text,
                    now);
        }
        return queued;
    }

    private int included(Instant now) {
        int queued = 0;
        for (Object[] r : rows(INCLUDED, Timestamp.from(now), Timestamp.from(now.minus(PUBLISHED_WITHIN)))) {
            long participant = Rows.id(r[0]);
            long assignment = Rows.id(r[6]);
            MailTexts.Text text = MailTexts.youAreIn((String) r[1], ref(r[3], r[4], r[5], r[7], r[8], r[9]));
            queued += queue(
                    MailKind.YOU_ARE_IN,
                    "in:" + participant + ":" + assignment,
                    r[2],
                    participant,
                    assignment,
                    text,
                    now);
        }
        return queued;
    }

    private record Episode(long participantId, Instant since, MailTexts.FailingFeed feed) {}

    private int digests(Instant now) {
        Map<Long, List<Episode>> perSeries = new LinkedHashMap<>();
        Map<Long, String[]> series = new LinkedHashMap<>();
        for (Object[] r : rows(FAILING, Timestamp.from(now.minus(FAILING_FOR)))) {
            long seriesId = Rows.id(r[0]);
            series.putIfAbsent(seriesId, new String[] {(String) r[1], (String) r[2]});
            Instant since = Rows.instant(r[7]);
            perSeries
                    .computeIfAbsent(seriesId, k -> new ArrayList<>())
                    .add(new Episode(
                            Rows.id(r[3]),
                            since,
                            new MailTexts.FailingFeed(
                                    (String) r[4], (String) r[5], (String) r[6], since, (String) r[8])));
        }
        int queued = 0;
        for (Map.Entry<Long, List<Episode>> e : perSeries.entrySet()) {
            String[] s = series.get(e.getKey());
            List<Episode> episodes = e.getValue();
            StringBuilder key = new StringBuilder();
            episodes.forEach(ep -> key.append(ep.participantId())
                    .append('@')
                    .append(ep.since())
                    .append(';'));
            MailTexts.Text text = MailTexts.hostDigest(
                    s[1],
                    publicUrl + "/series/" + s[0] + "/host",
                    episodes.stream().map(Episode::feed).toList());
            var id = outbox.enqueue(
                    new Outbox.NewMail(
                            MailKind.HOST_DIGEST,
                            "digest:" + e.getKey() + ":" + HexFormat.of().formatHex(Digests.sha256(key.toString())),
                            e.getKey(),
                            null,
                            null,
                            text.subject(),
                            text.body()),
                    now);
            if (id.isPresent()) {
                for (Episode ep : episodes) {
                    em.createNativeQuery("""
                                    INSERT INTO mail_digest_item (participant_id, failing_since, outbox_id)
                                    VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                            .setParameter(1, ep.participantId())
                            .setParameter(2, Timestamp.from(ep.since()))
                            .setParameter(3, id.get())
                            .executeUpdate();
                }
                queued++;
            }
        }
        return queued;
    }

    private MailTexts.AssignmentRef ref(
            Object slug, Object seriesTitle, Object hashtag, Object number, Object title, Object invitation) {
        return new MailTexts.AssignmentRef(
                (String) seriesTitle,
                (String) hashtag,
                Rows.integer(number),
                (String) title,
                (String) invitation,
                publicUrl + "/series/" + slug + "/" + Rows.integer(number));
    }

    private int queue(
            MailKind kind,
            String key,
            Object seriesId,
            long participant,
            long assignment,
            MailTexts.Text text,
            Instant now) {
        return outbox.enqueue(
                                new Outbox.NewMail(
                                        kind,
                                        key,
                                        Rows.id(seriesId),
                                        participant,
                                        assignment,
                                        text.subject(),
                                        text.body()),
                                now)
                        .isPresent()
                ? 1
                : 0;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
