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

    /**
     * Holds the series' row until the transaction ends, so that registrations to it take turns: each
     * counts the participants its caps allow after the one before has committed. NO KEY UPDATE: rows
     * that refer to the series (a participant an intake discovers) are not held up.
     */
    public void lockForEnrolment(Series series) {
        Series.getEntityManager()
                .createNativeQuery("SELECT 1 FROM series WHERE id = ?1 FOR NO KEY UPDATE")
                .setParameter(1, series.id)
                .getSingleResult();
    }

    public List<Series> all() {
        return Series.list("order by title, slug");
    }
}
