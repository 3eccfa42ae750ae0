package app.carnival.api;

import app.carnival.series.Series;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Registration;

/** Enrolment in a series. */
@Path("/api/series/{slug}/participants")
public class ParticipantResource {

    private final Registration registration;

    public ParticipantResource(Registration registration) {
        this.registration = registration;
    }

    /** Not transactional: the feed is looked for on the network first (see {@link Registration#register}). */
    @POST
    public Response register(@PathParam("slug") String slug, @Valid @NotNull ParticipantRequest request) {
        ParticipantView created = registration.register(slug, request);
        return Response.created(URI.create("/api/participants/" + created.id())).entity(created).build();
    }

    @GET
    public List<ParticipantView> list(@PathParam("slug") String slug) {
        return Participant.ofSeries(Series.require(slug)).stream().map(ParticipantView::of).toList();
    }
}
