package app.carnival.content;

import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The candidates of one invitation page: what is no candidate left out, each address once (the
 * first kind it is named with), in order, up to {@link InvitationComments#MAX_CANDIDATES}.
 */
final class CandidateCollector {

    /** Hosts of avatars and profiles, never of a post. */
    private static final List<String> NOT_POST_HOSTS = List.of("gravatar.com", "blogger.com");

    private final Set<String> ownSites = new LinkedHashSet<>();
    private final Map<String, CandidateKind> found = new LinkedHashMap<>();

    /** @param ownUrls addresses on the invitation's own site (links there are replies, permalinks, log-in, pages) */
    CandidateCollector(String... ownUrls) {
        for (String own : ownUrls) {
            WebUrl.tryParse(own).map(CandidateCollector::site).ifPresent(ownSites::add);
        }
    }

    /** The candidate an href names: absolute, http(s), without fragment, not on an own or a profile site; else null. */
    String accept(String href, String base) {
        Optional<WebUrl> url = href == null ? Optional.empty() : WebUrl.tryParse(Urls.resolve(base, href));
        if (url.isEmpty()) {
            return null;
        }
        String site = site(url.get());
        boolean excluded = ownSites.contains(site)
                || NOT_POST_HOSTS.stream().anyMatch(h -> site.equals(h) || site.endsWith("." + h));
        return excluded ? null : withoutFragment(url.get().toString());
    }

    /** @param url from {@link #accept}; null adds nothing */
    void add(String url, CandidateKind kind) {
        if (url != null && !isFull()) {
            found.putIfAbsent(url, kind);
        }
    }

    boolean isFull() {
        return found.size() >= InvitationComments.MAX_CANDIDATES;
    }

    List<InvitationComments.Candidate> candidates() {
        return found.entrySet().stream()
                .map(e -> new InvitationComments.Candidate(e.getKey(), e.getValue()))
                .toList();
    }

    /** A host without its {@code www.}: the same site either way. */
    static String site(WebUrl url) {
        return url.host().startsWith("www.") ? url.host().substring(4) : url.host();
    }

    static String withoutFragment(String url) {
        return url == null || url.indexOf('#') < 0 ? url : url.substring(0, url.indexOf('#'));
    }
}
