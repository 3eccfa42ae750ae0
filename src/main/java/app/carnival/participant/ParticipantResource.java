package app.carnival.participant;

import app.carnival.feed.FeedHealth;
import app.carnival.config.CarnivalConfig;
import app.carnival.series.Series;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api")
public class ParticipantResource {

    private final Registration registration;
    private final CarnivalConfig config;

    public ParticipantResource(Registration registration, CarnivalConfig config) {
        this.registration = registration;
        this.config = config;
    }

    @POST
    @Path("/series/{slug}/participants")
    @Transactional
    public Response register(@PathParam("slug") String slug, @Valid @NotNull ParticipantRequest request) {
        ParticipantView created = registration.register(Series.require(slug), request);
        return Response.created(URI.create("/api/participants/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/series/{slug}/participants")
    public List<ParticipantView> list(@PathParam("slug") String slug) {
        return Participant.ofSeries(Series.require(slug)).stream().map(ParticipantView::of).toList();
    }

    @GET
    @Path("/participants/{id}")
    public ParticipantDetail get(@PathParam("id") String id) {
        Participant p = Participant.require(id);
        return new ParticipantDetail(ParticipantView.of(p), FeedHealth.of(p.feed),
                Explanations.of(p, config.poll().recentPosts()));
    }

    @DELETE
    @Path("/participants/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Participant p = Participant.require(id);
        p.requireSelfOrHost(authorization);
        p.delete();
        return Response.noContent().build();
    }
}
