package app.carnival.api;

import app.carnival.config.CarnivalConfig;
import app.carnival.feed.store.FeedHealth;
import app.carnival.feed.poll.PollNow;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Explanations;
import app.carnival.registration.ParticipantDetail;

/** A participant's own view: feed health and match explanations, leaving, and poll-now. */
@Path("/api/participants")
public class ParticipantSelfResource {

    private final PollNow pollNow;
    private final CarnivalConfig config;

    public ParticipantSelfResource(PollNow pollNow, CarnivalConfig config) {
        this.pollNow = pollNow;
        this.config = config;
    }

    @GET
    @Path("/{id}")
    public ParticipantDetail get(@PathParam("id") String id) {
        Participant p = Participant.require(id);
        return new ParticipantDetail(ParticipantView.of(p), FeedHealth.of(p.feed),
                Explanations.of(p, config.poll().recentPosts()));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Participant p = Participant.require(id);
        p.requireSelfOrHost(authorization);
        p.delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    public PollNow.PollReport poll(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pollNow.participant(id, authorization);
    }
}
