package app.carnival.matching;

import app.carnival.url.UrlNormalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides whether a post answers an assignment (SPEC "Matching"). */
public final class Matcher {

    private Matcher() {}

    /**
     * @param pageLinks null when the post's page has not been fetched, so link evidence comes only
     *                  from {@link PostFacts#links()}; otherwise the page's main-content links
     *                  ({@link ArticleLinks#mainContentLinks}), which add to the feed's links
     */
    public static MatchDecision decide(AssignmentCriteria a, PostFacts p, List<String> pageLinks) {
        return decide(a, p, PostKeys.of(p, pageLinks, List.of(a)));
    }

    private static MatchDecision decide(AssignmentCriteria a, PostFacts p, PostKeys keys) {
        Set<String> invitation = a.invitationKeys();
        boolean linkInFeed = !Collections.disjoint(keys.feedLinks(), invitation);
        boolean linkOnPage = keys.pageLinks() != null && !Collections.disjoint(keys.pageLinks(), invitation);
        Evidence evidence = new Evidence(
                linkInFeed || linkOnPage,
                !linkInFeed && linkOnPage,
                hasTag(a.tag(), p),
                p.summaryOnly() && keys.pageLinks() == null);
        MatchReasons reasons = new MatchReasons(a, evidence);

        if (keys.self().map(invitation::contains).orElse(false)) {
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
            return new MatchDecision(
                    a.assignmentId(), true, evidence.byLink(), evidence.byTag(), late, false, reasons.matched(late));
        }
        // only a link-back can still change the outcome, and only the page can still supply one
        boolean wantsPage =
                evidence.pageUnseen() && a.hasInvitation() && a.rule().accepts(true, evidence.byTag());
        return new MatchDecision(
                a.assignmentId(),
                false,
                evidence.byLink(),
                evidence.byTag(),
                false,
                wantsPage,
                reasons.ruleNotSatisfied());
    }

    /** {@link #decide} for each assignment the post might answer, in the given order. */
    public static List<MatchDecision> decideAll(
            List<AssignmentCriteria> assignments, PostFacts p, List<String> pageLinks) {
        PostKeys keys = PostKeys.of(p, pageLinks, assignments);
        return assignments.stream().map(a -> decide(a, p, keys)).toList();
    }

    private static MatchDecision rejected(AssignmentCriteria a, Evidence evidence, String reason) {
        return new MatchDecision(a.assignmentId(), false, evidence.byLink(), evidence.byTag(), false, false, reason);
    }

    /** Whether the post at {@code postUrl} is the invitation itself (or one of its aliases). */
    public static boolean isInvitation(AssignmentCriteria a, String postUrl) {
        return UrlNormalizer.normalize(postUrl)
                .map(a.invitationKeys()::contains)
                .orElse(false);
    }

    private static boolean hasTag(Hashtag tag, PostFacts p) {
        return tag.inText(p.title()) || tag.inText(p.text()) || tag.inCategories(p.categories());
    }

    /**
     * The post's URLs as {@link UrlNormalizer} keys, computed once for all assignments. Only those that may be an
     * invitation's: a URL plainly on a host that none of the invitations has is left out unread, as it could only
     * ever be compared with them.
     *
     * @param pageLinks null when the page's links were not supplied
     */
    private record PostKeys(Optional<String> self, Set<String> feedLinks, Set<String> pageLinks) {

        static PostKeys of(PostFacts p, List<String> pageLinks, Collection<AssignmentCriteria> assignments) {
            Set<String> hosts = new HashSet<>();
            assignments.forEach(a -> a.invitationKeys().forEach(key -> hosts.add(UrlNormalizer.keyHost(key))));
            return new PostKeys(
                    p.url() == null || !mayBeOn(hosts, p.url()) ? Optional.empty() : UrlNormalizer.normalize(p.url()),
                    keys(p.links(), p.url(), hosts),
                    pageLinks == null ? null : keys(pageLinks, p.url(), hosts));
        }

        private static Set<String> keys(List<String> links, String postUrl, Set<String> hosts) {
            Set<String> keys = new HashSet<>();
            for (String link : links) {
                // links should already be absolute; resolving against the post URL rescues any that are not
                if (mayBeOn(hosts, link)) {
                    UrlNormalizer.normalize(link, postUrl).ifPresent(keys::add);
                }
            }
            return keys;
        }

        private static boolean mayBeOn(Set<String> hosts, String url) {
            return UrlNormalizer.plainKeyHost(url).map(hosts::contains).orElse(true);
        }
    }

    /**
     * @param pageOnly  the link-back was found on the fetched page, not in the feed
     * @param pageUnseen the feed gave only a summary and the page's links were not supplied
     */
    record Evidence(boolean byLink, boolean pageOnly, boolean byTag, boolean pageUnseen) {}
}
