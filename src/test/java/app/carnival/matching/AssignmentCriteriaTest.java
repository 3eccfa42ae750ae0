package app.carnival.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentCriteriaTest {

    static final Instant OPENS = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2024-05-14T00:00:00Z");
    static final Instant IN_WINDOW = Instant.parse("2024-05-07T12:00:00Z");

    static PostFacts post(String text, List<String> links) {
        return new PostFacts("https://jo.example/answer", "My answer", text, links, List.of(), IN_WINDOW, false);
    }

    @Test
    void theEightComponentConstructorDerivesInvitationKeysAndTheHashtag() {
        AssignmentCriteria a = new AssignmentCriteria(
                7,
                "https://www.bücher.example/2024/einladung/",
                List.of("https://short.example/e?utm_source=x", "not a url"),
                "#Meme15",
                OPENS,
                CLOSES,
                60,
                MatchRule.LINK_OR_TAG);

        assertThat(a.invitationKeys())
                .containsExactlyInAnyOrder("xn--bcher-kva.example/2024/einladung", "short.example/e");
        assertThat(a.tag().inText("my #meme15 answer")).isTrue();
        assertThat(a.tag().inText("my #meme150 answer")).isFalse();
        assertThat(a.tag().inCategories(List.of("meme-15"))).isTrue();
    }

    @Test
    void theMatcherUsesThePreparedKeysAndHashtagNotTheUrlAndTagTheyCameFrom() {
        // derived components that disagree with their sources show which ones the matcher reads
        AssignmentCriteria a = new AssignmentCriteria(
                7,
                "https://host.example/invitation",
                List.of(),
                "meme15",
                OPENS,
                CLOSES,
                0,
                MatchRule.LINK_OR_TAG,
                Set.of("elsewhere.example/prepared"),
                Hashtag.of("prepared"));

        assertThat(Matcher.decide(a, post("", List.of("https://elsewhere.example/prepared/")), null)
                        .byLink())
                .isTrue();
        assertThat(Matcher.decide(a, post("", List.of("https://host.example/invitation")), null)
                        .byLink())
                .isFalse();
        assertThat(Matcher.decide(a, post("#prepared", List.of()), null).byTag())
                .isTrue();
        assertThat(Matcher.decide(a, post("#meme15", List.of()), null).byTag()).isFalse();
        assertThat(Matcher.isInvitation(a, "https://elsewhere.example/prepared"))
                .isTrue();
    }

    @Test
    void aPostLinkingToThePunycodeSpellingOfAnInternationalizedInvitationMatches() {
        AssignmentCriteria a = new AssignmentCriteria(
                7,
                "https://bücher.example/2024/einladung",
                List.of(),
                "meme15",
                OPENS,
                CLOSES,
                0,
                MatchRule.LINK_AND_TAG);

        MatchDecision d =
                Matcher.decide(a, post("#meme15", List.of("http://www.xn--bcher-kva.example/2024/einladung/")), null);

        assertThat(d.matched()).isTrue();
        assertThat(d.byLink()).isTrue();
    }

    @Test
    void decideAllDecidesEachAssignmentInOrder() {
        AssignmentCriteria may = new AssignmentCriteria(
                1, "https://host.example/may", List.of(), "may", OPENS, CLOSES, 0, MatchRule.LINK_OR_TAG);
        AssignmentCriteria june = new AssignmentCriteria(
                2, "https://host.example/june", List.of(), "june", OPENS, CLOSES, 0, MatchRule.LINK_OR_TAG);

        List<MatchDecision> decisions =
                Matcher.decideAll(List.of(may, june), post("", List.of("https://host.example/june")), null);

        assertThat(decisions).extracting(MatchDecision::assignmentId).containsExactly(1L, 2L);
        assertThat(decisions).extracting(MatchDecision::matched).containsExactly(false, true);
    }
}
