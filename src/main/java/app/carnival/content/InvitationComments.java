package app.carnival.content;

import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The candidate responses an invitation page's comment section names (pingbacks, trackbacks,
 * commenters' websites, links in comments, mentions), and the other pages of its comments, as
 * WordPress (classic and block themes), Blogger and microformats2 pages mark them up. Also the
 * WordPress REST API's comments of the same post, for pages that announce the API.
 *
 * <p>Links to the invitation's own site (reply links, comment permalinks, pagination, log-in) are
 * no candidates; nor are avatars, profile pages and non-http(s) links. {@code rel="nofollow"}
 * excludes nothing: WordPress puts it on every commenter's link.
 */
public final class InvitationComments {

    /** At most this many candidates a page, so that a hostile page cannot flood the verification queue. */
    public static final int MAX_CANDIDATES = 500;

    /** At most this many comment pages named by one page; the caller follows them and keeps track of those seen. */
    public static final int MAX_NEXT_PAGES = 50;

    /** A candidate's address (absolute, without fragment) and where the page named it. */
    public record Candidate(String url, CandidateKind kind) {}

    /**
     * @param candidates in the order the page names them, each once (the first kind it is named with)
     * @param nextPages  other pages of the same invitation's comments this page links to, absolute, without fragment
     */
    public record Found(List<Candidate> candidates, List<String> nextPages) {
        public Found {
            candidates = List.copyOf(candidates);
            nextPages = List.copyOf(nextPages);
        }
    }

    private static final Evaluator SECTION = PageRegions.any(
            PageRegions.COMMENTS, ".u-comment, .h-cite, .mention, .mentions, .webmention, .webmentions");

    /** Parts of a comment section whose links name no response. */
    private static final Evaluator NO_CANDIDATES = PageRegions.any(
            "#respond, .comment-respond, form, .comment-form, .reply, .comment-reply-link, .avatar, .avatar-hovercard, .avatar-image-container, .wp-block-avatar");

    private static final Evaluator PING_OR_MENTION =
            PageRegions.any(".pingback, .trackback, .h-cite, .u-comment, .mention, .webmention");

    private static final Evaluator AUTHOR =
            PageRegions.any(".comment-author, .fn, .wp-block-comment-author-name, cite.user");

    private static final Pattern REST_ITEM = Pattern.compile("/wp/v2/(?:posts|pages)/(\\d+)");
    private static final Pattern SHORTLINK_ID = Pattern.compile("[?&]p=(\\d+)");
    private static final Pattern BODY_CLASS_ID = Pattern.compile("^(?:postid|page-id)-(\\d+)$");

    private InvitationComments() {}

    /** The candidates and comment pages of an invitation page, fetched from the invitation's own address. */
    public static Found read(Document page) {
        return read(page, page.location());
    }

    /**
     * @param page          a fetched page of the invitation (the invitation or one of its comment
     *                      pages), its location the address it was fetched from
     * @param invitationUrl the invitation's address: its site is the host's, its comment pages are those under it
     */
    public static Found read(Document page, String invitationUrl) {
        String base = PageBase.of(page);
        CandidateCollector found = new CandidateCollector(invitationUrl, page.location());
        Set<Element> leadsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element a : page.select("a[href]")) {
            if (found.isFull()) {
                break;
            }
            Element section = a.closest(SECTION);
            // only up to the section: some engines (ASP.NET) wrap the whole page in a form
            Element aroundSection = section == null ? null : section.parent();
            String url = section == null || PageRegions.inside(a, aroundSection, NO_CANDIDATES)
                    ? null
                    : found.accept(a.attr("href"), base);
            CandidateKind kind = url == null ? null : kind(a, aroundSection, leadsSeen);
            if (kind != null) {
                found.add(url, kind);
            }
        }
        return new Found(found.candidates(), CommentPages.linkedFrom(page, base, invitationUrl));
    }

    /**
     * The WordPress REST API address of the page's approved comments ({@code …/wp/v2/comments?post=ID&per_page=100}),
     * when the page announces the API ({@code <link rel="https://api.w.org/">}) and its post's id
     * (its JSON alternate link, shortlink or body class); else empty. Anonymous requests get the
     * comments of type "comment" only: pingbacks and trackbacks come from the page.
     */
    public static Optional<String> restCommentsUrl(Document page) {
        Element api = page.selectFirst("link[rel=\"https://api.w.org/\"][href]");
        String root = api == null
                ? null
                : WebUrl.tryParse(Urls.resolve(PageBase.of(page), api.attr("href")))
                        .map(WebUrl::toString)
                        .orElse(null);
        String id = postId(page);
        if (root == null || id == null) {
            return Optional.empty();
        }
        String comments = (root.endsWith("/") ? root : root + "/") + "wp/v2/comments";
        // with plain permalinks the API root is ".../index.php?rest_route=/"
        return Optional.of(comments + (root.contains("?") ? "&" : "?") + "post=" + id + "&per_page=100");
    }

    /**
     * The candidates in a WordPress REST API comments array: each comment's {@code author_url}
     * (a pingback's or trackback's is the post that sent it) and the links in its {@code content.rendered}.
     * Anything but such an array gives none.
     *
     * @param base the invitation's address: relative links resolve against it and its site's links are no candidates
     */
    public static List<Candidate> fromRestJson(String json, String base) {
        JsonNode comments = Json.readOrNull(json);
        if (comments == null || !comments.isArray()) {
            return List.of();
        }
        CandidateCollector found = new CandidateCollector(base);
        for (JsonNode comment : comments) {
            String type = comment.path("type").asText("");
            CandidateKind authorKind = switch (type) {
                case "pingback" -> CandidateKind.PINGBACK;
                case "trackback" -> CandidateKind.TRACKBACK;
                default -> CandidateKind.COMMENT_AUTHOR;
            };
            found.add(found.accept(Json.textOrNull(comment.path("author_url")), base), authorKind);
            String html = Json.textOrNull(comment.path("content").path("rendered"));
            for (String link : LinkExtractor.links(html, base)) {
                found.add(found.accept(link, base), CandidateKind.COMMENT_LINK);
            }
        }
        return found.candidates();
    }

    /**
     * A ping's or a mention's leading link is the post it stands for: a ping's first link, a
     * mention's {@code u-url} (else its first link). Their other links (the ping's excerpt of that
     * post, the mention's author) name no response.
     */
    private static CandidateKind kind(Element a, Element aroundSection, Set<Element> leadsSeen) {
        Element item = a.closest(PING_OR_MENTION);
        if (item == null) {
            return PageRegions.inside(a, aroundSection, AUTHOR)
                    ? CandidateKind.COMMENT_AUTHOR
                    : CandidateKind.COMMENT_LINK;
        }
        boolean ping = item.hasClass("pingback") || item.hasClass("trackback");
        Element source = ping ? null : Microformats.property(item, "u-url");
        if (source != null ? source != a : !leadsSeen.add(item)) {
            return null;
        }
        if (!ping) {
            return CandidateKind.MENTION;
        }
        return item.hasClass("trackback") ? CandidateKind.TRACKBACK : CandidateKind.PINGBACK;
    }

    private static String postId(Document page) {
        for (Element json : page.select("link[rel=alternate][type=application/json][href]")) {
            Matcher m = REST_ITEM.matcher(json.attr("href"));
            if (m.find()) {
                return m.group(1);
            }
        }
        Element shortlink = page.selectFirst("link[rel=shortlink][href]");
        Matcher m = SHORTLINK_ID.matcher(shortlink == null ? "" : shortlink.attr("href"));
        if (m.find()) {
            return m.group(1);
        }
        return page.body().classNames().stream()
                .map(BODY_CLASS_ID::matcher)
                .filter(Matcher::matches)
                .map(c -> c.group(1))
                .findFirst()
                .orElse(null);
    }
}
