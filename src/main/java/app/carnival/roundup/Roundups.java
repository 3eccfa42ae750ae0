package app.carnival.roundup;

import app.carnival.matching.Excerpts;
import app.carnival.matching.MatchedBy;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;

/** Builds round-ups from the response table (one indexed query, posts and participants fetched with it). */
@ApplicationScoped
public class Roundups {

    static final int EXCERPT_CHARS = 300;

    private final InstantSource clock;

    public Roundups(InstantSource clock) {
        this.clock = clock;
    }

    public RoundupView of(Assignment assignment) {
        ZoneId zone = ZoneId.of(assignment.timezone);
        List<Response> visible = Response.list(
                "from Response r join fetch r.post p join fetch r.participant pa"
                        + " where r.assignment = ?1 and r.state <> ?2 order by p.publishedAt, r.id",
                assignment, Response.State.HIDDEN);
        List<RoundupView.Entry> entries = visible.stream().map(r -> new RoundupView.Entry(
                r.id, r.participant.name, r.participant.blogUrl, r.post.title, r.post.url,
                r.post.publishedAt.atZone(zone).toOffsetDateTime(), Excerpts.shorten(r.post.text, EXCERPT_CHARS),
                MatchedBy.of(r.byLink, r.byTag), r.late, r.state.name())).toList();
        return new RoundupView(AssignmentView.of(assignment, clock.instant()), entries.size(), entries);
    }
}
