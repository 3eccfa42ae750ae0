package app.carnival.intake;

import app.carnival.config.CarnivalConfig;
import app.carnival.participant.ParticipantRepository;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.Series;
import app.carnival.series.SeriesRepository;
import app.carnival.url.UrlNormalizer;
import app.carnival.url.WebUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Webmention or pingback target names: an assignment, by its invitation URL or an alias
 * (normalized as links are), or by Carnival's own page of it under {@code carnival.public-url}.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class Targets {

    private static final Pattern ASSIGNMENT_PAGE = Pattern.compile("/series/([a-z0-9-]{1,64})/([0-9]{1,9})/?");

    private final AssignmentRepository assignments;
    private final SeriesRepository series;
    private final String publicUrl;

    public Targets(AssignmentRepository assignments, SeriesRepository series, CarnivalConfig config) {
        this.assignments = assignments;
        this.series = series;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Carnival's public page of the assignment, the other target an intake accepts for it. */
    public String pageOf(Assignment a) {
        return publicUrl + "/series/" + a.series.slug + "/" + a.number;
    }

    /** An absolute URL of this service: an intake's endpoint ({@code /webmention}, {@code /xmlrpc}), a page, or the site itself. */
    public String endpoint(String path) {
        return publicUrl + path;
    }

    /** The assignment the target names, if any. */
    public Optional<Assignment> resolve(String target) {
        Optional<WebUrl> url = WebUrl.tryParse(target);
        Optional<String> key = UrlNormalizer.normalize(target);
        if (url.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Assignment> page = ownPage(url.get(), key.get());
        if (page.isPresent()) {
            return page;
        }
        return assignments.targetsOnHost(ParticipantRepository.site(url.get())).stream()
                .filter(t -> UrlNormalizer.normalize(t.url())
                        .filter(key.get()::equals)
                        .isPresent())
                .findFirst()
                .map(t -> assignments.byId(t.assignmentId()));
    }

    /** Whether the URL is one of Carnival's own pages (it may still name no assignment). */
    public boolean isOwn(String url) {
        Optional<String> key = UrlNormalizer.normalize(url);
        return key.isPresent() && key.get().startsWith(root() + "/");
    }

    private String root() {
        return UrlNormalizer.normalize(publicUrl + "/")
                .map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                .orElse("");
    }

    private Optional<Assignment> ownPage(WebUrl url, String key) {
        String root = root();
        if (root.isEmpty() || !key.startsWith(root + "/series/")) {
            return Optional.empty();
        }
        Matcher m = ASSIGNMENT_PAGE.matcher(url.path());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Series> s = series.findBySlug(m.group(1));
        return s.flatMap(found -> assignments.find(found, Integer.parseInt(m.group(2))));
    }
}
