package app.carnival.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An intake's source must link to the invitation in its article, whatever the match rule; the tag when the rule needs it. */
class SourceRuleTest {

    static final String INVITATION = "https://host.example/2024/05/invitation/";
    static final Instant OPENS = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2024-05-15T00:00:00Z");

    static AssignmentCriteria rule(MatchRule rule) {
        return new AssignmentCriteria(1, INVITATION, List.of(), "meme", OPENS, CLOSES, 60, rule);
    }

    static PostFacts page(List<String> links, String text, Instant published) {
        return new PostFacts("https://blog.example/post/", "Post", text, links, List.of(), published, false);
    }

    @Test
    void aTagAloneIsNoSourceEvenWhenTheRuleWouldTakeIt() {
        MatchDecision d = SourceRule.decide(
                rule(MatchRule.LINK_OR_TAG), page(List.of(), "#meme", Instant.parse("2024-05-03T00:00:00Z")), OPENS);
        assertThat(d.matched()).isFalse();
        assertThat(d.reason()).contains("no link to the invitation in the article");
    }

    @Test
    void theTagIsNeededWhenTheRuleRequiresIt() {
        PostFacts linked = page(List.of(INVITATION), "no tag", Instant.parse("2024-05-03T00:00:00Z"));
        assertThat(SourceRule.decide(rule(MatchRule.LINK_AND_TAG), linked, OPENS)
                        .matched())
                .isFalse();
        assertThat(SourceRule.decide(rule(MatchRule.TAG_ONLY), linked, OPENS).matched())
                .isFalse();
        assertThat(SourceRule.decide(rule(MatchRule.LINK_ONLY), linked, OPENS).matched())
                .isTrue();
    }

    @Test
    void theWindowAppliesAndLateIsNamed() {
        PostFacts before = page(List.of(INVITATION), "", Instant.parse("2024-04-20T00:00:00Z"));
        assertThat(SourceRule.decide(rule(MatchRule.LINK_OR_TAG), before, OPENS).reason())
                .contains("before");
        MatchDecision late = SourceRule.decide(
                rule(MatchRule.LINK_OR_TAG), page(List.of(INVITATION), "", CLOSES.plusSeconds(600)), OPENS);
        assertThat(late.matched()).isTrue();
        assertThat(SourceRule.window(late)).contains("late");
    }

    @Test
    void anUnknownDateIsJudgedWithTheStandInAndExplainedWithoutAWindow() {
        MatchDecision d =
                SourceRule.decide(rule(MatchRule.LINK_OR_TAG), page(List.of(INVITATION), "#meme", null), OPENS);
        assertThat(d.matched()).isTrue();
        assertThat(SourceRule.evidence(rule(MatchRule.LINK_OR_TAG), d))
                .isEqualTo("links to the invitation in the article and tags #meme");
    }
}
