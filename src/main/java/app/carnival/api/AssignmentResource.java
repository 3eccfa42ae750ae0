package app.carnival.api;

import app.carnival.hosting.AddResponseRequest;
import app.carnival.hosting.Curation;
import app.carnival.roundup.NearMiss;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.RoundupCache;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import app.carnival.roundup.RoundupView;
import app.carnival.roundup.Roundups;
import app.carnival.hosting.StateChange;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import app.carnival.series.Assignment;
import app.carnival.series.AssignmentRequest;
import app.carnival.series.AssignmentService;
import app.carnival.series.AssignmentView;
import app.carnival.series.Series;

/** Assignments of a series and everything below them (Quarkus REST resolves one resource class per path prefix). */
@Path("/api/series/{slug}/assignments")
public class AssignmentResource {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String MARKDOWN = "text/markdown; charset=UTF-8";
    static final String HTML = "text/html; charset=UTF-8";

    private final AssignmentService service;
    private final Roundups roundups;
    private final RoundupCache cache;
    private final ObjectMapper json;
    private final RoundupExports exports;
    private final Curation curation;
    private final InstantSource clock;

    public AssignmentResource(AssignmentService service, Roundups roundups, RoundupCache cache, ObjectMapper json,
                              RoundupExports exports, Curation curation, InstantSource clock) {
        this.service = service;
        this.roundups = roundups;
        this.cache = cache;
        this.json = json;
        this.exports = exports;
        this.curation = curation;
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
        return AssignmentView.of(Assignment.require(slug, number), clock.instant());
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

    /** Served from the round-up cache: one indexed lookup while nothing has changed. */
    @GET
    @Path("/{number}/roundup")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The round-up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundupView.class)))
    public Response roundup(@PathParam("slug") String slug, @PathParam("number") String number) {
        RoundupCache.Version version = cache.version(slug, number).orElseThrow(() -> RoundupCache.notFound(slug, number));
        byte[] body = cache.get("json", version, version.status(clock.instant()), () -> {
            try {
                return json.writeValueAsBytes(roundups.of(Assignment.findById(version.assignmentId())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A round-up always serializes", e);
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{number}/roundup.atom")
    @Produces(ATOM)
    public String roundupAtom(@PathParam("slug") String slug, @PathParam("number") String number, @Context UriInfo uri) {
        return exports.atom(Assignment.require(slug, number), uri.getBaseUri());
    }

    @GET
    @Path("/{number}/roundup.md")
    @Produces(MARKDOWN)
    public String roundupMarkdown(@PathParam("slug") String slug, @PathParam("number") String number) {
        return exports.markdown(Assignment.require(slug, number));
    }

    /** The snippet a host pastes into their own post (a fragment, not a page). */
    @GET
    @Path("/{number}/roundup.html")
    @Produces(HTML)
    public String roundupHtml(@PathParam("slug") String slug, @PathParam("number") String number) {
        return exports.htmlSnippet(Assignment.require(slug, number));
    }

    /** Host: every response, hidden ones included. */
    @GET
    @Path("/{number}/responses")
    public List<RoundupView.Entry> responses(@PathParam("slug") String slug, @PathParam("number") String number,
                                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return roundups.forHost(requireForHost(slug, number, authorization));
    }

    /** Host: add a post by URL, or accept a near-miss by postId. Not transactional: the page may be fetched first. */
    @POST
    @Path("/{number}/responses")
    public Response addResponse(@PathParam("slug") String slug, @PathParam("number") String number,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @Valid @NotNull AddResponseRequest request) {
        Assignment a = requireForHost(slug, number, authorization);
        RoundupView.Entry added = curation.add(a.id, request);
        return Response.created(URI.create("/api/series/" + slug + "/assignments/" + a.number + "/responses/" + added.id()))
                .entity(added).build();
    }

    /** Host: hide ({@code HIDDEN}) or restore ({@code AUTO}) a response. */
    @PATCH
    @Path("/{number}/responses/{id}")
    public RoundupView.Entry changeResponse(@PathParam("slug") String slug, @PathParam("number") String number,
                                            @PathParam("id") String id,
                                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @Valid @NotNull StateChange change) {
        return curation.setState(requireForHost(slug, number, authorization).id, id, change.state());
    }

    /** Host: posts in the window with the hashtag but no link-back, or the reverse. */
    @GET
    @Path("/{number}/near-misses")
    public List<NearMiss> nearMisses(@PathParam("slug") String slug, @PathParam("number") String number,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return curation.nearMisses(requireForHost(slug, number, authorization));
    }

    private static Assignment requireForHost(String slug, String number, String authorization) {
        Series series = Series.require(slug);
        series.requireHost(authorization);
        return Assignment.require(series, number);
    }
}
