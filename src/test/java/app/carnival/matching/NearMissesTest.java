package app.carnival.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearMissesTest {

    static final String INVITATION = "https://host.example/invite";

    static AssignmentCriteria criteria(MatchRule rule) {
        return new AssignmentCriteria(
                1,
                INVITATION,
                List.of(),
                "meme",
                Instant.parse("2024-05-01T00:00:00Z"),
                Instant.parse("2024-05-15T00:00:00Z"),
                60,
                rule);
    }

    static PostFacts post(String url, String title, List<String> links, String published) {
        return new PostFacts(url, title, "", links, List.of(), Instant.parse(published), false);
    }

    static boolean nearMiss(MatchRule rule, PostFacts p) {
        AssignmentCriteria a = criteria(rule);
        return NearMisses.isNearMiss(a, p, Matcher.decide(a, p, null));
    }

    static final PostFacts TAG_ONLY = post("https://b.example/1", "Hi #meme", List.of(), "2024-05-02T00:00:00Z");
    static final PostFacts LINK_ONLY = post("https://b.example/2", "Hi", List.of(INVITATION), "2024-05-02T00:00:00Z");
    static final PostFacts BOTH = post("https://b.example/3", "Hi #meme", List.of(INVITATION), "2024-05-02T00:00:00Z");
    static final PostFacts NEITHER = post("https://b.example/4", "Hi", List.of(), "2024-05-02T00:00:00Z");

    @Test
    void halfTheEvidenceTheRuleWantsIsANearMiss() {
        assertThat(nearMiss(MatchRule.LINK_AND_TAG, TAG_ONLY)).isTrue();
        assertThat(nearMiss(MatchRule.LINK_AND_TAG, LINK_ONLY)).isTrue();
        assertThat(nearMiss(MatchRule.LINK_ONLY, TAG_ONLY)).isTrue();
        assertThat(nearMiss(MatchRule.TAG_ONLY, LINK_ONLY)).isTrue();
    }

    @Test
    void matchesAndPostsWithoutEvidenceAreNot() {
        assertThat(nearMiss(MatchRule.LINK_AND_TAG, BOTH)).isFalse();
        assertThat(nearMiss(MatchRule.LINK_AND_TAG, NEITHER)).isFalse();
        assertThat(nearMiss(MatchRule.LINK_OR_TAG, TAG_ONLY)).isFalse();
        assertThat(nearMiss(MatchRule.LINK_ONLY, LINK_ONLY)).isFalse();
    }

    @Test
    void onlyPostsInsideTheWindowGraceIncludedCount() {
        assertThat(nearMiss(
                        MatchRule.LINK_AND_TAG,
                        post("https://b.example/5", "#meme", List.of(), "2024-04-30T23:59:59Z")))
                .isFalse();
        assertThat(nearMiss(
                        MatchRule.LINK_AND_TAG,
                        post("https://b.example/6", "#meme", List.of(), "2024-05-15T00:59:00Z")))
                .isTrue();
        assertThat(nearMiss(
                        MatchRule.LINK_AND_TAG,
                        post("https://b.example/7", "#meme", List.of(), "2024-05-15T01:01:00Z")))
                .isFalse();
    }

    @Test
    void theInvitationItselfIsNot() {
        assertThat(nearMiss(
                        MatchRule.LINK_AND_TAG,
                        post("http://www.host.example/invite/", "#meme", List.of(), "2024-05-02T00:00:00Z")))
                .isFalse();
    }
}
