package app.carnival.content;

import app.carnival.url.Urls;
import app.carnival.url.WebUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The other pages of an invitation's comments a page links to: WordPress' {@code /comment-page-N/}
 * and {@code ?cpage=N} pages, and whatever the comment navigation links to ({@code rel="next"},
 * {@code a.next}, page numbers), as long as it is a page of the same invitation.
 */
final class CommentPages {

    private static final Evaluator NAVIGATION = PageRegions.any(
            ".comment-navigation, .comments-pagination",
            ".wp-block-comments-pagination, #comment-nav-above, #comment-nav-below");

    private static final Pattern COMMENT_PAGE = Pattern.compile("/comment-page-\\d+/?$|[?&]cpage=\\d+");
    private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-\\d+$");

    private CommentPages() {}

    /** Absolute, without fragment, not the page itself, at most {@link InvitationComments#MAX_NEXT_PAGES}. */
    static List<String> linkedFrom(Document page, String base, String invitationUrl) {
        Optional<WebUrl> invitation = WebUrl.tryParse(invitationUrl);
        if (invitation.isEmpty()) {
            return List.of();
        }
        String current = CandidateCollector.withoutFragment(page.location());
        Set<String> pages = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href");
            String url = CandidateCollector.withoutFragment(Urls.resolve(base, href));
            // a comment's permalink (#comment-12) names the page it is on, usually this one
            boolean paging = url != null
                    && (a.closest(NAVIGATION) != null
                            || COMMENT_PAGE.matcher(url).find()
                                    && !COMMENT_ANCHOR.matcher(href).find());
            if (paging
                    && !url.equals(current)
                    && isPageOf(url, invitation.get())
                    && pages.size() < InvitationComments.MAX_NEXT_PAGES) {
                pages.add(url);
            }
        }
        return new ArrayList<>(pages);
    }

    /** Same site and port, a path under the invitation's, and the invitation's query parameters (for {@code ?p=12&cpage=2}). */
    private static boolean isPageOf(String url, WebUrl invitation) {
        Optional<WebUrl> parsed = WebUrl.tryParse(url);
        if (parsed.isEmpty()
                || !CandidateCollector.site(parsed.get()).equals(CandidateCollector.site(invitation))
                || parsed.get().port() != invitation.port()) {
            return false;
        }
        List<String> params = queryParameters(parsed.get());
        return asDirectory(parsed.get().path()).startsWith(asDirectory(invitation.path()))
                && queryParameters(invitation).stream().allMatch(p -> p.startsWith("cpage=") || params.contains(p));
    }

    private static String asDirectory(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static List<String> queryParameters(WebUrl url) {
        return url.query() == null ? List.of() : Arrays.asList(url.query().split("&"));
    }
}
