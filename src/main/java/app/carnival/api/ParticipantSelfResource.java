package app.carnival.api;

import app.carnival.feed.poll.PollNow;
import app.carnival.registration.ParticipantDetail;
import app.carnival.registration.Registration;
import app.carnival.web.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A participant's own view: feed health and match explanations, leaving, and poll-now. */
@Path("/api/participants")
public class ParticipantSelfResource {

    private final Registration registration;
    private final PollNow pollNow;
    private final CurrentCaller caller;

    public ParticipantSelfResource(Registration registration, PollNow pollNow, CurrentCaller caller) {
        this.registration = registration;
        this.pollNow = pollNow;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public ParticipantDetail get(@PathParam("id") String id) {
        return registration.detail(id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        registration.leave(id, caller.get());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    public PollNow.PollReport poll(@PathParam("id") String id) {
        return pollNow.participant(id, caller.get());
    }
}
