package app.carnival.api;

import app.carnival.errors.InvalidInput;
import app.carnival.hosting.SeriesAdmin;
import app.carnival.intake.SeriesPoll;
import app.carnival.limits.Limit;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.SeriesStats;
import app.carnival.roundup.Stats;
import app.carnival.series.SeriesRequest;
import app.carnival.series.SeriesService;
import app.carnival.series.SeriesView;
import app.carnival.web.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/series")
public class SeriesResource {

    static final String OPML = "text/x-opml; charset=UTF-8";

    /** What a merge patch may name: the fields of a creation (the slug only with its current value). */
    private static final Set<String> EDITABLE = Arrays.stream(SeriesRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final SeriesService series;
    private final SeriesAdmin admin;
    private final SeriesPoll seriesPoll;
    private final RoundupExports exports;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Stats stats;

    public SeriesResource(
            SeriesService series,
            SeriesAdmin admin,
            SeriesPoll seriesPoll,
            RoundupExports exports,
            CurrentCaller caller,
            ObjectMapper json,
            Stats stats) {
        this.stats = stats;
        this.series = series;
        this.admin = admin;
        this.seriesPoll = seriesPoll;
        this.exports = exports;
        this.caller = caller;
        this.json = json;
    }

    @APIResponse(
            responseCode = "201",
            description = "The series, with its host token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    public Response create(@Valid @NotNull SeriesRequest request) {
        caller.admit(Limit.SERIES_CREATION);
        SeriesView created = series.create(request, caller.get());
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

    /**
     * JSON merge patch of the settings: the fields present replace the current ones, then the whole
     * is validated as a creation (422 naming each field at fault; the slug can not change). A new
     * hashtag re-matches the stored posts.
     */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The series as it is now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @PATCH
    @Path("/{slug}")
    public SeriesView patch(
            @PathParam("slug") String slug,
            @RequestBody(
                            required = true,
                            description = "The fields to change, as in the creation body (RFC 7396): title,"
                                    + " description, hashtag, homeUrl, intakePolicy, registrationPolicy,"
                                    + " autoPublish, reminderDays, hostEmail",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(type = SchemaType.OBJECT)))
                    @NotNull
                    ObjectNode changes)
            throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(admin.current(slug, caller.get()));
        List<InvalidInput.FieldError> unknown = changes.properties().stream()
                .map(e -> e.getKey())
                .filter(field -> !EDITABLE.contains(field))
                .map(field -> new InvalidInput.FieldError(field, "is not a setting of a series"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        merged.setAll(changes);
        return admin.update(slug, caller.get(), json.treeToValue(merged, SeriesRequest.class));
    }

    /** A new host token, shown once: the old one, and every browser signed in with it, stops working. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The new host token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesAdmin.NewHostToken.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{slug}/host-token")
    public SeriesAdmin.NewHostToken rotateHostToken(@PathParam("slug") String slug) {
        return admin.rotateHostToken(slug, caller.get());
    }

    /**
     * Deletes the series with its assignments, participants and responses; feeds no other series'
     * participant follows are deleted too (and no longer polled).
     */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @DELETE
    @Path("/{slug}")
    public Response delete(@PathParam("slug") String slug) {
        admin.delete(slug, caller.get());
        return Response.noContent().build();
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

    /** Totals and the numbers of each assignment that has opened: responses, first-timers, late, channels. */
    @APIResponse(
            responseCode = "200",
            description = "The series at a glance",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SeriesStats.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{slug}/stats")
    @Produces(MediaType.APPLICATION_JSON)
    public SeriesStats stats(@PathParam("slug") String slug) {
        return stats.ofSeries(slug);
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
