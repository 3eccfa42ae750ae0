package app.carnival.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The record stage for responses: makes the response table agree with a set of verdicts in the
 * caller's transaction, in two statements whatever their number. A matched post gets one AUTO
 * response per assignment (or its evidence updated); a post that stopped matching loses its AUTO
 * response; the host's curation (HIDDEN, MANUAL) is never removed, nor a response an intake found
 * (its source page is the evidence, re-checked by the intake: a feed entry may carry less).
 */
@ApplicationScoped
public class ResponseWriter {

    private static final String UPSERT = """
            INSERT INTO response (assignment_id, post_id, participant_id, by_link, by_tag, late, state, matched_at)
            SELECT v.a, v.p, v.pa, v.l, v.t, v.late, 'AUTO', ?
            FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::boolean[], ?::boolean[]) AS v(a, p, pa, l, t, late)
            ON CONFLICT (assignment_id, post_id) DO UPDATE
                SET by_link = EXCLUDED.by_link, by_tag = EXCLUDED.by_tag, late = EXCLUDED.late
                WHERE (response.by_link, response.by_tag, response.late)
                      IS DISTINCT FROM (EXCLUDED.by_link, EXCLUDED.by_tag, EXCLUDED.late)
            RETURNING (xmax = 0)
            """;

    /**
     * The posts' ids are given twice so that the responses are found by post: joined to {@code unnest} alone, the
     * table was scanned once per pair while its statistics still said it was empty (a first cycle of 2,000 feeds:
     * 6.8 ms a call, 63% of PostgreSQL's time in the cycle, for no row deleted; {@code bench/run.sh first} with
     * {@code BENCH_PG_STATEMENTS=1}).
     */
    private static final String UNDO = """
            DELETE FROM response r
            WHERE r.post_id = ANY (?::bigint[])
              AND (r.assignment_id, r.post_id) IN (SELECT v.a, v.p FROM unnest(?::bigint[], ?::bigint[]) AS v(a, p))
              AND r.state = 'AUTO' AND r.source = 'FEED'
            """;

    private static final String PAGE_LINKS = "UPDATE post SET page_links = ? WHERE id = ?";

    private final EntityManager em;

    public ResponseWriter(EntityManager em) {
        this.em = em;
    }

    /** Returns how many responses are new. Entities persisted in the transaction are flushed first. */
    public int write(List<Verdict> verdicts, Instant matchedAt) {
        if (verdicts.isEmpty()) {
            return 0;
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Verdict> matched = verdicts.stream().filter(Verdict::matched).toList();
            List<Verdict> unmatched =
                    verdicts.stream().filter(v -> !v.matched()).toList();
            if (!unmatched.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(UNDO)) {
                    Array posts =
                            longs(c, unmatched.stream().map(Verdict::postId).toList());
                    Array assignments = longs(
                            c, unmatched.stream().map(Verdict::assignmentId).toList());
                    ps.setArray(1, posts);
                    ps.setArray(2, assignments);
                    ps.setArray(3, posts);
                    ps.executeUpdate();
                }
            }
            return matched.isEmpty() ? 0 : upsert(c, matched, matchedAt);
        });
    }

    /** Stores the main-content links of posts whose pages were fetched (once per post version). */
    public void savePageLinks(Map<Long, List<String>> linksByPost) {
        if (linksByPost.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(PAGE_LINKS)) {
                for (Map.Entry<Long, List<String>> e : linksByPost.entrySet()) {
                    ps.setArray(1, c.createArrayOf("text", e.getValue().toArray()));
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static int upsert(Connection c, List<Verdict> matched, Instant matchedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setTimestamp(1, Timestamp.from(matchedAt));
            ps.setArray(2, longs(c, matched.stream().map(Verdict::assignmentId).toList()));
            ps.setArray(3, longs(c, matched.stream().map(Verdict::postId).toList()));
            ps.setArray(4, longs(c, matched.stream().map(Verdict::participantId).toList()));
            ps.setArray(5, booleans(c, matched.stream().map(Verdict::byLink).toList()));
            ps.setArray(6, booleans(c, matched.stream().map(Verdict::byTag).toList()));
            ps.setArray(7, booleans(c, matched.stream().map(Verdict::late).toList()));
            int created = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return created;
        }
    }

    private static Array longs(Connection c, List<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }

    private static Array booleans(Connection c, List<Boolean> values) throws SQLException {
        return c.createArrayOf("boolean", values.toArray());
    }
}
