package app.carnival.matching;

import app.carnival.url.UrlNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the matcher needs to know about one assignment, with what it derives from it
 * prepared once rather than for every post.
 *
 * @param invitationUrl  null while a planned assignment has no invitation yet: no link-back can match
 * @param hashtag        effective hashtag (assignment override, else the series'), without '#'
 * @param invitationKeys {@link UrlNormalizer} keys of the invitation URL and its aliases
 * @param tag            the hashtag's tests, prepared
 */
public record AssignmentCriteria(
        long assignmentId,
        String invitationUrl,
        List<String> aliasUrls,
        String hashtag,
        Instant opensAt,
        Instant closesAt,
        int graceMinutes,
        MatchRule rule,
        Set<String> invitationKeys,
        Hashtag tag) {

    public AssignmentCriteria {
        aliasUrls = List.copyOf(aliasUrls);
        invitationKeys = Set.copyOf(invitationKeys);
        Objects.requireNonNull(tag, "tag");
    }

    /** Derives the invitation keys and the hashtag's tests. */
    public AssignmentCriteria(
            long assignmentId,
            String invitationUrl,
            List<String> aliasUrls,
            String hashtag,
            Instant opensAt,
            Instant closesAt,
            int graceMinutes,
            MatchRule rule) {
        this(
                assignmentId,
                invitationUrl,
                aliasUrls,
                hashtag,
                opensAt,
                closesAt,
                graceMinutes,
                rule,
                keys(invitationUrl, aliasUrls),
                Hashtag.of(hashtag));
    }

    /** Whether there is an address a link-back could point at (a planned assignment may have none yet). */
    public boolean hasInvitation() {
        return !invitationKeys.isEmpty();
    }

    /** End of the window in which late entries are still accepted. */
    public Instant graceEndsAt() {
        return closesAt.plusSeconds(60L * graceMinutes);
    }

    private static Set<String> keys(String invitationUrl, List<String> aliasUrls) {
        return Stream.concat(Stream.ofNullable(invitationUrl), aliasUrls.stream())
                .map(UrlNormalizer::normalize)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
