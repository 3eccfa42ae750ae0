package app.carnival.series;

import app.carnival.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Data access for series. */
@ApplicationScoped
public class SeriesRepository {

    public Optional<Series> findBySlug(String slug) {
        return Series.find("slug", slug).firstResultOptional();
    }

    /** The series, or not found. */
    public Series require(String slug) {
        return findBySlug(slug).orElseThrow(() -> new NotFound("No series with slug '" + slug + "'."));
    }

    public List<Series> all() {
        return Series.list("order by title, slug");
    }
}
