package app.carnival.pages;

import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRepository;
import app.carnival.series.SeriesRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /}: every series with its next deadline. */
@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Views.SeriesCard> series, String message);
    }

    private final SeriesRepository series;
    private final AssignmentRepository assignments;
    private final InstantSource clock;

    public HomePage(SeriesRepository series, AssignmentRepository assignments, InstantSource clock) {
        this.series = series;
        this.assignments = assignments;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@QueryParam("done") String done) {
        Instant now = clock.instant();
        // the assignment of each series that closes next, in one query
        Map<Long, Assignment> next = assignments.closingAfter(now).stream()
                .collect(Collectors.toMap(a -> a.series.id, Function.identity(), (first, later) -> first));
        List<Views.SeriesCard> cards = series.all().stream()
                .map(s -> {
                    Assignment a = next.get(s.id);
                    String deadline = a == null
                            ? null
                            : "#" + a.number + " “" + a.displayTitle() + "” closes " + Times.relative(now, a.closesAt)
                                    + " (" + Times.format(a.closesAt, ZoneId.of(a.timezone)) + ")";
                    return new Views.SeriesCard(s.slug, s.title, s.hashtag, s.description, deadline);
                })
                .toList();
        // A confirmation after a redirect, chosen by key so no text travels through the URL.
        String message = "deleted".equals(done)
                ? "The series was deleted, with its assignments, participants and responses."
                : null;
        return Templates.index(cards, message);
    }
}
