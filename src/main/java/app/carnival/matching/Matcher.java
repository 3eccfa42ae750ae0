package app.carnival.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import app.carnival.url.UrlNormalizer;

/** Decides whether a post answers an assignment (SPEC "Matching"). */
public final class Matcher {

    private Matcher() {
    }

    /**
     * @param pageLinks null when the post's page has not been fetched, so link evidence comes only
     *                  from {@link PostFacts#links()}; otherwise the page's main-content links
     *                  ({@link ArticleLinks#mainContentLinks}), which add to the feed's links
     */
    public static MatchDecision decide(AssignmentCriteria a, PostFacts p, List<String> pageLinks) {
        Set<String> invitation = invitationKeys(a);
        boolean linkInFeed = linksTo(p.links(), p.url(), invitation);
        boolean linkOnPage = pageLinks != null && linksTo(pageLinks, p.url(), invitation);
        Evidence evidence = new Evidence(
                linkInFeed || linkOnPage,
                !linkInFeed && linkOnPage,
                hasTag(a.hashtag(), p),
                p.summaryOnly() && pageLinks == null);
        MatchReasons reasons = new MatchReasons(a, evidence);

        if (isInvitation(p.url(), invitation)) {
            return rejected(a, evidence, reasons.isInvitation());
        }
        Instant published = p.published();
        if (published == null) {
            return rejected(a, evidence, reasons.noPublicationDate());
        }
        if (published.isBefore(a.opensAt())) {
            return rejected(a, evidence, reasons.beforeWindow());
        }
        if (published.isAfter(a.graceEndsAt())) {
            return rejected(a, evidence, reasons.afterWindow());
        }
        if (a.rule().accepts(evidence.byLink(), evidence.byTag())) {
            boolean late = published.isAfter(a.closesAt());
            return new MatchDecision(a.assignmentId(), true, evidence.byLink(), evidence.byTag(), late, false,
                    reasons.matched(late));
        }
        // only a link-back can still change the outcome, and only the page can still supply one
        boolean wantsPage = evidence.pageUnseen() && a.rule().accepts(true, evidence.byTag());
        return new MatchDecision(a.assignmentId(), false, evidence.byLink(), evidence.byTag(), false, wantsPage,
                reasons.ruleNotSatisfied());
    }

    /** {@link #decide} for each assignment the post might answer, in the given order. */
    public static List<MatchDecision> decideAll(List<AssignmentCriteria> assignments, PostFacts p,
            List<String> pageLinks) {
        return assignments.stream().map(a -> decide(a, p, pageLinks)).toList();
    }

    private static MatchDecision rejected(AssignmentCriteria a, Evidence evidence, String reason) {
        return new MatchDecision(a.assignmentId(), false, evidence.byLink(), evidence.byTag(), false, false, reason);
    }

    private static Set<String> invitationKeys(AssignmentCriteria a) {
        return Stream.concat(Stream.of(a.invitationUrl()), a.aliasUrls().stream())
                .map(UrlNormalizer::normalize)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static boolean linksTo(List<String> links, String postUrl, Set<String> invitation) {
        // links should already be absolute; resolving against the post URL rescues any that are not
        return links.stream()
                .map(link -> UrlNormalizer.normalize(link, postUrl))
                .flatMap(Optional::stream)
                .anyMatch(invitation::contains);
    }

    /** Whether the post at {@code postUrl} is the invitation itself (or one of its aliases). */
    public static boolean isInvitation(AssignmentCriteria a, String postUrl) {
        return isInvitation(postUrl, invitationKeys(a));
    }

    private static boolean isInvitation(String postUrl, Set<String> invitation) {
        return UrlNormalizer.normalize(postUrl).map(invitation::contains).orElse(false);
    }

    private static boolean hasTag(String hashtag, PostFacts p) {
        return Hashtags.inText(p.title(), hashtag) || Hashtags.inText(p.text(), hashtag)
                || Hashtags.inCategories(p.categories(), hashtag);
    }

    /**
     * @param pageOnly  the link-back was found on the fetched page, not in the feed
     * @param pageUnseen the feed gave only a summary and the page's links were not supplied
     */
    record Evidence(boolean byLink, boolean pageOnly, boolean byTag, boolean pageUnseen) {
    }
}
