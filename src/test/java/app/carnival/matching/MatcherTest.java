package app.carnival.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherTest {

    private static final Instant OPENS = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2024-05-14T23:59:59Z");
    private static final Instant IN_WINDOW = Instant.parse("2024-05-07T12:00:00Z");
    private static final int GRACE_MINUTES = 120;
    private static final String INVITATION = "https://www.host.example.com/2024/05/meme15/";
    private static final String ALIAS = "https://short.example/m15";
    private static final String POST_URL = "https://jo.example.net/2024/05/my-answer";
    private static final String LINK_BACK = "http://host.example.com/2024/05/meme15?utm_source=feed#top";
    private static final String OTHER_LINK = "https://elsewhere.example/page";

    private static AssignmentCriteria assignment(MatchRule rule) {
        return assignment(rule, GRACE_MINUTES);
    }

    private static AssignmentCriteria assignment(MatchRule rule, int graceMinutes) {
        return new AssignmentCriteria(42, INVITATION, List.of(ALIAS), "meme15", OPENS, CLOSES, graceMinutes, rule);
    }

    private static PostFacts post(
            String url,
            String title,
            String text,
            List<String> links,
            List<String> categories,
            Instant published,
            boolean summaryOnly) {
        return new PostFacts(url, title, text, links, categories, published, summaryOnly);
    }

    /** A full-content post in the window, with or without link-back and hashtag in its text. */
    private static PostFacts post(boolean linkBack, boolean tagged) {
        return post(
                POST_URL,
                "My answer",
                tagged ? "Here is my #meme15 answer." : "Here is my answer.",
                linkBack ? List.of(OTHER_LINK, LINK_BACK) : List.of(OTHER_LINK),
                List.of("SQL"),
                IN_WINDOW,
                false);
    }

    private static PostFacts publishedAt(Instant published) {
        return post(POST_URL, "My answer", "#meme15", List.of(), List.of(), published, false);
    }

    private static final String NO_TAG = "no #meme15 tag in title, text or categories";

    @ParameterizedTest(name = "[{index}] {0} link={1} tag={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            LINK_OR_TAG  | true  | true  | true  | links to the invitation and tags #meme15
            LINK_OR_TAG  | true  | false | true  | links to the invitation
            LINK_OR_TAG  | false | true  | true  | tags #meme15
            LINK_OR_TAG  | false | false | false | no link to the invitation and no #meme15 tag in title, text or categories
            LINK_AND_TAG | true  | true  | true  | links to the invitation and tags #meme15
            LINK_AND_TAG | true  | false | false | links to the invitation but has no #meme15 tag in title, text or categories (rule LINK_AND_TAG)
            LINK_AND_TAG | false | true  | false | tags #meme15 but has no link to the invitation (rule LINK_AND_TAG)
            LINK_AND_TAG | false | false | false | no link to the invitation and no #meme15 tag in title, text or categories
            LINK_ONLY    | true  | true  | true  | links to the invitation
            LINK_ONLY    | true  | false | true  | links to the invitation
            LINK_ONLY    | false | true  | false | tags #meme15 but has no link to the invitation (rule LINK_ONLY)
            LINK_ONLY    | false | false | false | no link to the invitation
            TAG_ONLY     | true  | true  | true  | tags #meme15
            TAG_ONLY     | true  | false | false | links to the invitation but has no #meme15 tag in title, text or categories (rule TAG_ONLY)
            TAG_ONLY     | false | true  | true  | tags #meme15
            TAG_ONLY     | false | false | false | no #meme15 tag in title, text or categories
            """)
    void appliesTheRule(MatchRule rule, boolean link, boolean tag, boolean matched, String reason) {
        MatchDecision d = Matcher.decide(assignment(rule), post(link, tag), null);
        assertEquals(new MatchDecision(42, matched, link, tag, false, false, reason), d);
    }

    @ParameterizedTest(name = "[{index}] published {0} -> matched={1} late={2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T00:00:00Z     | true  | false | tags #meme15
            2024-04-30T23:59:59.999Z | false | false | published before the assignment opened (2024-05-01T00:00Z)
            2024-05-14T23:59:59Z     | true  | false | tags #meme15
            2024-05-15T00:00:00.999Z | true  | true  | tags #meme15; late (after 2024-05-14T23:59:59Z, within the grace period)
            2024-05-15T01:59:59Z     | true  | true  | tags #meme15; late (after 2024-05-14T23:59:59Z, within the grace period)
            2024-05-15T01:59:59.001Z | false | false | published after the grace period ended (2024-05-15T01:59:59Z)
            """)
    void windowIsInclusiveAndGraceEntriesAreLate(Instant published, boolean matched, boolean late, String reason) {
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_OR_TAG), publishedAt(published), null);
        assertEquals(matched, d.matched());
        assertEquals(late, d.late());
        assertEquals(reason, d.reason());
    }

    @Test
    void oneMillisecondAfterCloseIsLate() {
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_OR_TAG), publishedAt(CLOSES.plusMillis(1)), null);
        assertTrue(d.matched());
        assertTrue(d.late());
    }

    @Test
    void withoutGraceTheWindowEndsAtClose() {
        AssignmentCriteria noGrace = assignment(MatchRule.LINK_OR_TAG, 0);
        MatchDecision atClose = Matcher.decide(noGrace, publishedAt(CLOSES), null);
        assertTrue(atClose.matched());
        assertFalse(atClose.late());

        MatchDecision after = Matcher.decide(noGrace, publishedAt(CLOSES.plusMillis(1)), null);
        assertFalse(after.matched());
        assertFalse(after.late());
        assertEquals("published after the assignment closed (2024-05-14T23:59:59Z)", after.reason());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                INVITATION,
                "http://host.example.com/2024/05/meme15",
                "https://HOST.example.com:443/2024/05/meme15#comments",
                ALIAS,
                "http://www.short.example/m15/"
            })
    void theInvitationItselfIsNeverAResponse(String postUrl) {
        PostFacts invitation = post(
                postUrl,
                "#meme15: the invitation",
                "Link back to this post, tag #meme15",
                List.of(INVITATION),
                List.of("meme15"),
                IN_WINDOW,
                false);
        for (MatchRule rule : MatchRule.values()) {
            MatchDecision d = Matcher.decide(assignment(rule), invitation, null);
            assertFalse(d.matched(), rule.name());
            assertFalse(d.wantsPage(), rule.name());
            assertEquals("this is the invitation post itself", d.reason());
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "https://short.example/m15",
                "http://www.short.example/m15/?fbclid=xyz",
                "https://host.example.com/2024/05/meme15",
                "http://host.example.com:80/2024/05/./meme15/#respond",
                "https://host.example.com/2024/05/%6Deme15"
            })
    void anyLinkThatNormalizesToTheInvitationOrAnAliasIsALinkBack(String link) {
        PostFacts p = post(POST_URL, "My answer", "no tag", List.of(link), List.of(), IN_WINDOW, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_ONLY), p, null);
        assertTrue(d.matched());
        assertTrue(d.byLink());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "https://host.example.com/2024/05/meme16",
                "https://host.example.com/2024/05/meme15/comment-page-1",
                "https://host.example.com/2024/05/meme15?replytocom=7",
                "https://other.example.com/2024/05/meme15",
                "mailto:host@host.example.com"
            })
    void linksToOtherPagesAreNotALinkBack(String link) {
        PostFacts p = post(POST_URL, "My answer", "no tag", List.of(link), List.of(), IN_WINDOW, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_ONLY), p, null);
        assertFalse(d.matched());
        assertFalse(d.byLink());
        assertEquals("no link to the invitation", d.reason());
    }

    @Test
    void relativeFeedLinksResolveAgainstThePostUrl() {
        PostFacts p = post(
                "https://host.example.com/2024/05/guest-answer",
                "Guest answer",
                "",
                List.of("meme15"),
                List.of(),
                IN_WINDOW,
                false);
        assertTrue(Matcher.decide(assignment(MatchRule.LINK_ONLY), p, null).byLink());
    }

    @ParameterizedTest(name = "[{index}] title=\"{0}\" text=\"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            My foo#meme15 answer       | About #meme150 and #meme15x  | false
            Meme15 answer              | Answering meme15 today       | false
            '#Meme15: my answer'       | Answering today              | true
            My answer                  | 'Tagged (#MEME15).'          | true
            """)
    void hashtagMustBeAWholeWordInTitleOrText(String title, String text, boolean tagged) {
        PostFacts p = post(POST_URL, title, text, List.of(), List.of(), IN_WINDOW, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.TAG_ONLY), p, null);
        assertEquals(tagged, d.matched());
        assertEquals(tagged, d.byTag());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Meme15", "#meme15", "meme-15", "Meme 15", "MEME_15"})
    void categoriesInDifferentSpellingsMatch(String category) {
        PostFacts p = post(POST_URL, "My answer", "", List.of(), List.of("SQL", category), IN_WINDOW, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.TAG_ONLY), p, null);
        assertTrue(d.matched());
        assertEquals("tags #meme15", d.reason());
    }

    @Test
    void similarCategoriesDoNotMatch() {
        PostFacts p = post(POST_URL, "My answer", "", List.of(), List.of("meme150", "tsql", "meme"), IN_WINDOW, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.TAG_ONLY), p, null);
        assertFalse(d.matched());
        assertEquals(NO_TAG, d.reason());
    }

    @ParameterizedTest(name = "[{index}] {0} summaryOnly={1} tag={2} feedLink={3} pageFetched={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            LINK_OR_TAG  | true  | false | false | false | true
            LINK_OR_TAG  | true  | true  | false | false | false
            LINK_OR_TAG  | false | false | false | false | false
            LINK_OR_TAG  | true  | false | false | true  | false
            LINK_AND_TAG | true  | true  | false | false | true
            LINK_AND_TAG | true  | false | false | false | false
            LINK_AND_TAG | true  | true  | true  | false | false
            LINK_ONLY    | true  | true  | false | false | true
            LINK_ONLY    | true  | false | false | false | true
            LINK_ONLY    | true  | false | true  | false | false
            LINK_ONLY    | false | false | false | false | false
            TAG_ONLY     | true  | false | false | false | false
            TAG_ONLY     | true  | true  | false | false | false
            """)
    void wantsPageOnlyWhenThePagesLinksCouldChangeTheOutcome(
            MatchRule rule,
            boolean summaryOnly,
            boolean tag,
            boolean feedLink,
            boolean pageFetched,
            boolean wantsPage) {
        PostFacts p = post(
                POST_URL,
                "My answer",
                tag ? "#meme15 summary…" : "summary…",
                feedLink ? List.of(LINK_BACK) : List.of(),
                List.of(),
                IN_WINDOW,
                summaryOnly);
        MatchDecision d = Matcher.decide(assignment(rule), p, pageFetched ? List.of(OTHER_LINK) : null);
        assertEquals(wantsPage, d.wantsPage());
        if (wantsPage) {
            assertFalse(d.matched());
            assertTrue(d.reason().contains("no link to the invitation in the feed summary"), d.reason());
        }
    }

    @Test
    void noPageWantedForSummariesOutsideTheWindowWithoutDateOrForTheInvitation() {
        AssignmentCriteria a = assignment(MatchRule.LINK_ONLY);
        List<PostFacts> hopeless = List.of(
                post(POST_URL, "Early", "", List.of(), List.of(), OPENS.minusSeconds(1), true),
                post(POST_URL, "Too late", "", List.of(), List.of(), CLOSES.plusSeconds(86_400), true),
                post(POST_URL, "Undated", "", List.of(), List.of(), null, true),
                post(INVITATION, "Invitation", "", List.of(), List.of(), IN_WINDOW, true));
        for (PostFacts p : hopeless) {
            MatchDecision d = Matcher.decide(a, p, null);
            assertFalse(d.matched(), p.title());
            assertFalse(d.wantsPage(), p.title());
        }
    }

    @Test
    void aLinkBackOnThePageMakesASummaryOnlyPostMatch() {
        PostFacts summary = post(POST_URL, "My answer", "The first paragraph…", List.of(), List.of(), IN_WINDOW, true);
        AssignmentCriteria a = assignment(MatchRule.LINK_ONLY);

        MatchDecision beforeFetch = Matcher.decide(a, summary, null);
        assertFalse(beforeFetch.matched());
        assertTrue(beforeFetch.wantsPage());

        MatchDecision afterFetch =
                Matcher.decide(a, summary, List.of(OTHER_LINK, "https://host.example.com/2024/05/meme15"));
        assertEquals(
                new MatchDecision(42, true, true, false, false, false, "links to the invitation (on the post's page)"),
                afterFetch);
    }

    @Test
    void aPageWithoutTheLinkBackSettlesTheNonMatch() {
        PostFacts summary = post(POST_URL, "My answer", "The first paragraph…", List.of(), List.of(), IN_WINDOW, true);
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_ONLY), summary, List.of(OTHER_LINK));
        assertFalse(d.matched());
        assertFalse(d.wantsPage());
        assertEquals("no link to the invitation", d.reason());
    }

    @Test
    void undatedPostIsNotMatched() {
        PostFacts p = post(POST_URL, "#meme15", "", List.of(LINK_BACK), List.of(), null, false);
        MatchDecision d = Matcher.decide(assignment(MatchRule.LINK_OR_TAG), p, null);
        assertFalse(d.matched());
        assertEquals("no publication date", d.reason());
    }

    @Test
    void postWithoutUrlCanStillMatch() {
        PostFacts p = post(null, "My #meme15 answer", "", List.of(), List.of(), IN_WINDOW, false);
        assertTrue(Matcher.decide(assignment(MatchRule.TAG_ONLY), p, null).matched());
    }

    @Test
    void everyDecisionHasAReason() {
        for (MatchRule rule : MatchRule.values()) {
            for (boolean link : new boolean[] {false, true}) {
                for (boolean tag : new boolean[] {false, true}) {
                    String reason = Matcher.decide(assignment(rule), post(link, tag), null)
                            .reason();
                    assertFalse(reason == null || reason.isBlank(), rule + " " + link + " " + tag);
                }
            }
        }
    }

    @Test
    void decideAllKeepsTheAssignmentOrder() {
        AssignmentCriteria may = assignment(MatchRule.LINK_ONLY);
        AssignmentCriteria june = new AssignmentCriteria(
                43,
                "https://host.example.com/2024/06/meme16",
                List.of(),
                "meme16",
                Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-06-14T23:59:59Z"),
                0,
                MatchRule.LINK_OR_TAG);
        List<MatchDecision> decisions = Matcher.decideAll(List.of(june, may), post(true, false), null);
        assertEquals(
                List.of(43L, 42L),
                decisions.stream().map(MatchDecision::assignmentId).toList());
        assertFalse(decisions.get(0).matched());
        assertTrue(decisions.get(1).matched());
    }
}
