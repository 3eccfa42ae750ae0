package app.carnival.api;

import app.carnival.participant.ParticipantRequest;
import app.carnival.participant.ParticipantView;
import app.carnival.registration.Registration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Enrolment in a series. */
@Path("/api/series/{slug}/participants")
public class ParticipantResource {

    private final Registration registration;

    public ParticipantResource(Registration registration) {
        this.registration = registration;
    }

    @POST
    public Response register(@PathParam("slug") String slug, @Valid @NotNull ParticipantRequest request) {
        ParticipantView created = registration.register(slug, request);
        return Response.created(URI.create("/api/participants/" + created.id())).entity(created).build();
    }

    @GET
    public List<ParticipantView> list(@PathParam("slug") String slug) {
        return registration.participants(slug);
    }
}
