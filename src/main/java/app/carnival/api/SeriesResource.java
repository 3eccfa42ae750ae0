package app.carnival.api;

import app.carnival.intake.SeriesPoll;
import app.carnival.roundup.RoundupExports;
import app.carnival.series.SeriesRequest;
import app.carnival.series.SeriesService;
import app.carnival.series.SeriesView;
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

@Path("/api/series")
public class SeriesResource {

    static final String OPML = "text/x-opml; charset=UTF-8";

    private final SeriesService series;
    private final SeriesPoll seriesPoll;
    private final RoundupExports exports;
    private final CurrentCaller caller;

    public SeriesResource(SeriesService series, SeriesPoll seriesPoll, RoundupExports exports, CurrentCaller caller) {
        this.series = series;
        this.seriesPoll = seriesPoll;
        this.exports = exports;
        this.caller = caller;
    }

    @APIResponse(
            responseCode = "201",
            description = "The series, with its host token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @POST
    public Response create(@Valid @NotNull SeriesRequest request) {
        SeriesView created = series.create(request);
        return Response.created(URI.create("/api/series/" + created.slug()))
                .entity(created)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @GET
    public List<SeriesView> list() {
        return series.list();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{slug}")
    public SeriesView get(@PathParam("slug") String slug) {
        return series.get(slug);
    }

    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesPoll.SeriesPollReport.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{slug}/poll")
    public SeriesPoll.SeriesPollReport poll(@PathParam("slug") String slug) {
        return seriesPoll.series(slug, caller.get());
    }

    /** Atom feed of the series' newly matched responses, newest first. */
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = AssignmentResource.ATOM, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{slug}/responses.atom")
    @Produces(AssignmentResource.ATOM)
    public String responsesAtom(@PathParam("slug") String slug, @Context UriInfo uri) {
        return exports.seriesAtom(slug, uri.getBaseUri());
    }

    /** The participants' feeds as an OPML subscription list. */
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = SeriesResource.OPML, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{slug}/participants.opml")
    @Produces(SeriesResource.OPML)
    public String participantsOpml(@PathParam("slug") String slug) {
        return exports.opml(slug);
    }
}
