package app.carnival.series;

import app.carnival.roundup.RoundupView;
import app.carnival.roundup.Roundups;
import app.carnival.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;

/** Assignments of a series and everything below them (Quarkus REST resolves one resource class per path prefix). */
@Path("/api/series/{slug}/assignments")
public class AssignmentResource {

    private final AssignmentService service;
    private final Roundups roundups;
    private final InstantSource clock;

    public AssignmentResource(AssignmentService service, Roundups roundups, InstantSource clock) {
        this.service = service;
        this.roundups = roundups;
        this.clock = clock;
    }

    @POST
    @Transactional
    public Response create(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @Valid @NotNull AssignmentRequest request) {
        Series series = Series.require(slug);
        series.requireHost(authorization);
        Assignment a = service.create(series, request);
        return Response.created(URI.create("/api/series/" + slug + "/assignments/" + a.number))
                .entity(AssignmentView.of(a, clock.instant())).build();
    }

    @GET
    public List<AssignmentView> list(@PathParam("slug") String slug) {
        return Assignment.ofSeries(Series.require(slug)).stream().map(a -> AssignmentView.of(a, clock.instant())).toList();
    }

    @GET
    @Path("/{number}")
    public AssignmentView get(@PathParam("slug") String slug, @PathParam("number") String number) {
        return AssignmentView.of(require(slug, number), clock.instant());
    }

    @PUT
    @Path("/{number}")
    @Transactional
    public AssignmentView replace(@PathParam("slug") String slug, @PathParam("number") String number,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Valid @NotNull AssignmentRequest request) {
        Assignment a = requireForHost(slug, number, authorization);
        service.replace(a, request);
        return AssignmentView.of(a, clock.instant());
    }

    @PATCH
    @Path("/{number}")
    @Transactional
    public AssignmentView patch(@PathParam("slug") String slug, @PathParam("number") String number,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @NotNull ObjectNode changes) throws JsonProcessingException {
        Assignment a = requireForHost(slug, number, authorization);
        service.patch(a, changes);
        return AssignmentView.of(a, clock.instant());
    }

    @GET
    @Path("/{number}/roundup")
    public RoundupView roundup(@PathParam("slug") String slug, @PathParam("number") String number) {
        return roundups.of(require(slug, number));
    }

    private static Assignment requireForHost(String slug, String number, String authorization) {
        Series series = Series.require(slug);
        series.requireHost(authorization);
        return find(series, number);
    }

    /** The assignment, or 404 for an unknown series, a number that is not a positive integer, or no such number. */
    static Assignment require(String slug, String number) {
        return find(Series.require(slug), number);
    }

    private static Assignment find(Series series, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw Problems.notFound("Assignment numbers are positive integers, not '" + number + "'.");
        }
        return Assignment.find(series, n)
                .orElseThrow(() -> Problems.notFound("Series '" + series.slug + "' has no assignment number " + n + "."));
    }
}
