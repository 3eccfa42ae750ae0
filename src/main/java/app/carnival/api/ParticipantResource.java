package app.carnival.api;

import app.carnival.limits.Limit;
import app.carnival.participant.Participant;
import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Approvals;
import app.carnival.registration.Registration;
import app.carnival.roundup.ParticipantHistories;
import app.carnival.roundup.ParticipantHistory;
import app.carnival.web.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Enrolment in a series, and the host's decision on registrations waiting for approval. */
@Path("/api/series/{slug}/participants")
public class ParticipantResource {

    private final Registration registration;
    private final Approvals approvals;
    private final ParticipantHistories histories;
    private final CurrentCaller caller;

    public ParticipantResource(
            Registration registration, Approvals approvals, ParticipantHistories histories, CurrentCaller caller) {
        this.registration = registration;
        this.approvals = approvals;
        this.histories = histories;
        this.caller = caller;
    }

    /**
     * Registers a blog: 201 when it takes part at once, 202 with {@code "status": "PENDING"} when the
     * series reviews registrations (its feed was fetched once to check it; it is polled once the host
     * approves it). 409 beyond the caps of the instance, naming the limit.
     */
    @APIResponse(
            responseCode = "201",
            description = "The participant, with its token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(
            responseCode = "202",
            description = "The registration, with its token, waiting for the host's approval (status PENDING)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    public Response register(@PathParam("slug") String slug, @Valid @NotNull ParticipantRequest request) {
        caller.admit(Limit.REGISTRATION);
        ParticipantView created = registration.register(slug, request);
        return Response.status(
                        created.status() == Participant.Status.PENDING
                                ? Response.Status.ACCEPTED
                                : Response.Status.CREATED)
                .location(URI.create("/api/participants/" + created.id()))
                .entity(created)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    public List<ParticipantView> list(@PathParam("slug") String slug) {
        return registration.participants(slug, caller.get());
    }

    /** The host approves a registration waiting for approval: its feed is due now. Approving again changes nothing. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The participant, approved",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{id}/approve")
    public ParticipantView approve(@PathParam("slug") String slug, @PathParam("id") String id) {
        return approvals.approve(slug, id, caller.get());
    }

    /** The host rejects a registration waiting for approval: it is deleted. 409 for an approved participant. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(responseCode = "204", description = "Rejected and deleted")
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("slug") String slug, @PathParam("id") String id) {
        approvals.reject(slug, id, caller.get());
        return Response.noContent().build();
    }

    /**
     * A participant's history in the series: every visible response (newest assignment first), the first
     * assignment they answered, their current and longest streak. 404 for a participant of another series.
     */
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantHistory.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{id}/history")
    public ParticipantHistory history(@PathParam("slug") String slug, @PathParam("id") String id) {
        return histories.of(slug, id);
    }

    /** Atom feed of a participant's visible responses, newest assignment first. */
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = AssignmentResource.ATOM, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{id}/responses.atom")
    @Produces(AssignmentResource.ATOM)
    public String responsesAtom(@PathParam("slug") String slug, @PathParam("id") String id, @Context UriInfo uri) {
        return histories.atom(slug, id, uri.getBaseUri());
    }
}
