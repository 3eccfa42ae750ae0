package app.carnival.response;

import app.carnival.content.ArticleLinks;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The network stage for feeds that carry only summaries: fetches posts' own pages and keeps the
 * links of their main content. Never inside a transaction; a page that cannot be fetched counts as
 * having no links (it is looked at once per version of the post).
 */
@ApplicationScoped
public class PostPageLinks {

    private static final Logger LOG = Logger.getLogger(PostPageLinks.class);

    private final HttpFetcher fetcher;

    public PostPageLinks(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @param urlsByKey the page to fetch for each caller's key */
    public Map<Long, List<String>> fetch(Map<Long, String> urlsByKey) {
        Map<Long, List<String>> links = new HashMap<>();
        urlsByKey.forEach((key, url) -> links.put(key, linksOf(url)));
        return links;
    }

    private List<String> linksOf(String url) {
        try {
            FetchResult page = fetcher.fetchPage(url);
            if (!page.ok()) {
                return List.of();
            }
            return ArticleLinks.mainContentLinks(HtmlPages.parse(page).outerHtml(), page.finalUrl());
        } catch (FetchException e) {
            LOG.debugf("Post page %s could not be fetched: %s", url, e.getMessage());
            return List.of();
        }
    }
}
