package app.carnival.api;

import app.carnival.feed.poll.PollNow;
import app.carnival.limits.Limit;
import app.carnival.registration.ParticipantDetail;
import app.carnival.registration.Registration;
import app.carnival.web.CurrentCaller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

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

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantDetail.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    @Path("/{id}")
    public ParticipantDetail get(@PathParam("id") String id) {
        caller.admit(Limit.SELF_SERVICE);
        return registration.detail(id, caller.get());
    }

    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(responseCode = "204", description = "Left the series")
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        caller.admit(Limit.SELF_SERVICE);
        registration.leave(id, caller.get());
        return Response.noContent().build();
    }

    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PollNow.PollReport.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{id}/poll")
    public PollNow.PollReport poll(@PathParam("id") String id) {
        caller.admit(Limit.SELF_SERVICE);
        return pollNow.participant(id, caller.get());
    }
}
