package app.carnival.series;

import app.carnival.errors.Conflict;
import app.carnival.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Creates and reads series. */
@ApplicationScoped
public class SeriesService {

    private final SeriesRepository series;

    public SeriesService(SeriesRepository series) {
        this.series = series;
    }

    /** A new series and its host token, shown this once. */
    @Transactional
    public SeriesView create(SeriesRequest request) {
        if (series.findBySlug(request.slug()).isPresent()) {
            throw new Conflict("A series with slug '" + request.slug() + "' already exists.");
        }
        String token = Tokens.newToken();
        Series s = new Series();
        s.slug = request.slug();
        s.title = request.title().trim();
        s.description =
                request.description() == null ? "" : request.description().trim();
        s.hashtag = request.hashtag().startsWith("#") ? request.hashtag().substring(1) : request.hashtag();
        s.homeUrl = request.homeUrl() == null ? null : request.homeUrl().trim();
        s.intakePolicy = request.intakePolicy() == null ? Series.IntakePolicy.REVIEW : request.intakePolicy();
        s.hostTokenHash = Tokens.hash(token);
        s.persistAndFlush();
        Series.getEntityManager().refresh(s);
        return SeriesView.of(s).withHostToken(token);
    }

    public List<SeriesView> list() {
        return series.all().stream().map(SeriesView::of).toList();
    }

    public SeriesView get(String slug) {
        return SeriesView.of(series.require(slug));
    }
}
