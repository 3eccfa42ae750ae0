package app.carnival.websub.rules;

import app.carnival.feed.parse.ParsedFeed;
import app.carnival.url.LinkHeaders;
import app.carnival.url.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub a feed announces and the topic to subscribe to (W3C WebSub §4, discovery): the HTTP
 * {@code Link} headers first, then the feed's own links. The topic is the {@code self} link; a feed
 * that names none is subscribed to at the address it was fetched from. When several hubs are named,
 * the first is used: one subscription per feed is enough to be told of new posts.
 */
public record Hub(String hubUrl, String topicUrl) {

    /**
     * @param fetchedUrl  the address the feed body came from (after redirects)
     * @param linkHeaders every {@code Link} header of the answer
     */
    public static Optional<Hub> discover(String fetchedUrl, List<String> linkHeaders, ParsedFeed feed) {
        List<String> hubs = new ArrayList<>(resolved(fetchedUrl, LinkHeaders.withRel(linkHeaders, "hub")));
        hubs.addAll(feed.hubs());
        List<String> selves = new ArrayList<>(resolved(fetchedUrl, LinkHeaders.withRel(linkHeaders, "self")));
        if (feed.self() != null) {
            selves.add(feed.self());
        }
        selves.add(fetchedUrl);
        return hubs.stream()
                .filter(Hub::isHttp)
                .findFirst()
                .flatMap(hub -> selves.stream().filter(Hub::isHttp).findFirst().map(topic -> new Hub(hub, topic)));
    }

    private static List<String> resolved(String base, List<String> refs) {
        return refs.stream().map(r -> Urls.resolve(base, r)).toList();
    }

    private static boolean isHttp(String url) {
        return url != null && url.length() <= 2048 && (url.startsWith("http://") || url.startsWith("https://"));
    }
}
