package app.carnival.participant;

import app.carnival.errors.NotFound;
import app.carnival.feed.store.Feed;
import app.carnival.series.Series;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Data access for participants; lists fetch each participant's feed in the same query. */
@ApplicationScoped
public class ParticipantRepository {

    /** The participant with this id (as given in a URL), its series and feed loaded, or not found. */
    public Participant require(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFound("No participant with id '" + id + "'.");
        }
        return Participant.<Participant>find(
                        "from Participant p join fetch p.series join fetch p.feed where p.id = ?1", n)
                .firstResultOptional()
                .orElseThrow(() -> new NotFound("No participant with id '" + id + "'."));
    }

    public Participant byId(long id) {
        return Participant.findById(id);
    }

    public List<Participant> ofSeries(Series series) {
        return Participant.list(
                "from Participant p join fetch p.feed where p.series = ?1 order by p.name, p.id", series);
    }

    /** The participants (one per series) whose blog is this feed, their series loaded. */
    public List<Participant> ofFeed(long feedId) {
        return Participant.list("from Participant p join fetch p.series where p.feed.id = ?1", feedId);
    }

    public boolean isEnrolled(Series series, Feed feed) {
        return inSeries(series, feed).isPresent();
    }

    /** The series' participant whose blog is this feed, if any. */
    public Optional<Participant> inSeries(Series series, Feed feed) {
        return Participant.find("series = ?1 and feed = ?2", series, feed).firstResultOptional();
    }
}
