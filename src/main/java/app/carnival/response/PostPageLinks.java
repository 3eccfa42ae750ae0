package app.carnival.response;

import app.carnival.content.ArticleLinks;
import app.carnival.fetch.FetchException;
import app.carnival.fetch.FetchResult;
import app.carnival.fetch.HtmlPages;
import app.carnival.fetch.HttpFetcher;
import app.carnival.matching.AssignmentCriteria;
import app.carnival.matching.Judge;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The decide stage with its network step for feeds that carry only summaries: judges posts and
 * fetches the own pages of those that could still match, keeping the links of their main content. Never inside a transaction; a page that cannot be fetched counts as
 * having no links (it is looked at once per version of the post).
 */
@ApplicationScoped
public class PostPageLinks {

    private static final Logger LOG = Logger.getLogger(PostPageLinks.class);

    private final HttpFetcher fetcher;

    public PostPageLinks(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The judgements of the subjects, and the page links fetched to reach them, by subject key. */
    public record Judged(List<Judge.Judgement> judgements, Map<Long, List<String>> pageLinks) {}

    /**
     * Judges the subjects against the assignments; where a summary-only post could still match through
     * its own page, fetches the page and judges that post again with its links.
     */
    public Judged judge(Collection<AssignmentCriteria> assignments, List<Judge.Subject> subjects) {
        Map<Long, Judge.Subject> byKey =
                subjects.stream().collect(Collectors.toMap(Judge.Subject::key, Function.identity()));
        List<Judge.Judgement> judgements = new ArrayList<>(Judge.judge(assignments, subjects));
        Map<Long, List<String>> fetched = new HashMap<>();
        for (long key : Judge.pagesWanted(judgements, byKey)) {
            fetched.put(key, linksOf(byKey.get(key).facts().url()));
        }
        if (!fetched.isEmpty()) {
            judgements.removeIf(j -> fetched.containsKey(j.key()));
            judgements.addAll(Judge.judge(
                    assignments,
                    fetched.entrySet().stream()
                            .map(e -> byKey.get(e.getKey()).withPageLinks(e.getValue()))
                            .toList()));
        }
        return new Judged(judgements, fetched);
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
