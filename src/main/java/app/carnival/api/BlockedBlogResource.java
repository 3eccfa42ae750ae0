package app.carnival.api;

import app.carnival.registration.Registration;
import app.carnival.web.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The host removes a participant and blocks its blog from registering again; lists and lifts blocks. */
@Path("/api/series/{slug}/blocked")
@SecurityRequirement(name = CarnivalApi.BEARER)
public class BlockedBlogResource {

    /** Body of the block request: whose blog, and optionally why (shown to the blogger if they try again). */
    public record BlockRequest(
            @NotNull @Positive Long participantId,
            @Size(max = 500) String reason) {}

    private final Registration registration;
    private final CurrentCaller caller;

    public BlockedBlogResource(Registration registration, CurrentCaller caller) {
        this.registration = registration;
        this.caller = caller;
    }

    @APIResponse(
            responseCode = "201",
            description = "The participant is removed; its blog and feed addresses are blocked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Registration.BlockedView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    public Response block(@PathParam("slug") String slug, @Valid @NotNull BlockRequest request) {
        return Response.status(201)
                .entity(registration.removeAndBlock(slug, request.participantId(), request.reason(), caller.get()))
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Registration.BlockedView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    public List<Registration.BlockedView> list(@PathParam("slug") String slug) {
        return registration.blocked(slug, caller.get());
    }

    @APIResponse(responseCode = "204", description = "The address may register again")
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @DELETE
    @Path("/{id}")
    public Response unblock(@PathParam("slug") String slug, @PathParam("id") String id) {
        registration.unblock(slug, id, caller.get());
        return Response.noContent().build();
    }
}
