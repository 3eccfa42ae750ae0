package app.carnival.registration;

import app.carnival.matching.MatchedBy;
import app.carnival.response.Response;
import app.carnival.feed.store.FeedHealth;
import java.time.Instant;
import java.util.List;
import app.carnival.participant.ParticipantView;

/** {@code GET /api/participants/{id}}: the participant, its feed's health and why each recent post did or did not match. */
public record ParticipantDetail(ParticipantView participant, FeedHealth feed, List<PostExplanation> recentPosts) {

    /** One recent post and the verdict for each assignment of the series. */
    public record PostExplanation(String title, String url, Instant publishedAt, List<Verdict> assignments) {
    }

    /**
     * @param response curation state when a response exists ({@code AUTO}, {@code HIDDEN}, {@code MANUAL}), else null
     */
    public record Verdict(int assignment, boolean matched, List<MatchedBy> matchedBy, boolean late, String reason,
                          Response.State response) {
    }
}
