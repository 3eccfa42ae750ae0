package app.carnival.roundup;

import app.carnival.series.AssignmentResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/api/series/{slug}/assignments/{number}")
public class RoundupResource {

    private final Roundups roundups;

    public RoundupResource(Roundups roundups) {
        this.roundups = roundups;
    }

    @GET
    @Path("/roundup")
    public RoundupView roundup(@PathParam("slug") String slug, @PathParam("number") String number) {
        return roundups.of(AssignmentResource.require(slug, number));
    }
}
