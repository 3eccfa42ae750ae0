package app.carnival.api;

import app.carnival.announce.Announcements;
import app.carnival.announce.Publishing;
import app.carnival.hosting.AddResponseRequest;
import app.carnival.hosting.AssignmentPlanning;
import app.carnival.hosting.Curation;
import app.carnival.hosting.StateChange;
import app.carnival.intake.IntakeReview;
import app.carnival.intake.MentionStatus;
import app.carnival.intake.Targets;
import app.carnival.roundup.NearMiss;
import app.carnival.roundup.RoundupExports;
import app.carnival.roundup.RoundupView;
import app.carnival.series.AssignmentRequest;
import app.carnival.series.AssignmentView;
import app.carnival.web.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Assignments of a series and everything below them (Quarkus REST resolves one resource class per path prefix). */
@Path("/api/series/{slug}/assignments")
public class AssignmentResource {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String MARKDOWN = "text/markdown; charset=UTF-8";
    static final String HTML = "text/html; charset=UTF-8";

    private final AssignmentPlanning planning;
    private final RoundupExports exports;
    private final Curation curation;
    private final IntakeReview intake;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final Targets targets;
    private final Publishing publishing;
    private final Announcements announcements;

    public AssignmentResource(
            AssignmentPlanning planning,
            RoundupExports exports,
            Curation curation,
            IntakeReview intake,
            CurrentCaller caller,
            ObjectMapper json,
            Validator validator,
            Targets targets,
            Publishing publishing,
            Announcements announcements) {
        this.targets = targets;
        this.publishing = publishing;
        this.announcements = announcements;
        this.intake = intake;
        this.planning = planning;
        this.exports = exports;
        this.curation = curation;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
    }

    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "201",
            description = "The assignment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    public Response create(@PathParam("slug") String slug, @Valid @NotNull AssignmentRequest request) {
        AssignmentView created = planning.create(slug, caller.get(), request);
        return Response.created(URI.create("/api/series/" + slug + "/assignments/" + created.number()))
                .entity(created)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    public List<AssignmentView> list(@PathParam("slug") String slug) {
        return planning.list(slug);
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{number}")
    public AssignmentView get(@PathParam("slug") String slug, @PathParam("number") String number) {
        return planning.get(slug, number);
    }

    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @PUT
    @Path("/{number}")
    public AssignmentView replace(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @Valid @NotNull AssignmentRequest request) {
        return planning.replace(slug, number, caller.get(), request);
    }

    /** JSON merge patch: the fields present replace the current ones, then the whole is validated as a PUT body. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @PATCH
    @Path("/{number}")
    public AssignmentView patch(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @RequestBody(
                            required = true,
                            description = "The fields to change, as in the PUT body (RFC 7396)",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(type = SchemaType.OBJECT)))
                    @NotNull
                    ObjectNode changes)
            throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(planning.current(slug, number, caller.get()));
        merged.setAll(changes);
        AssignmentRequest request = json.treeToValue(merged, AssignmentRequest.class);
        Set<ConstraintViolation<AssignmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return planning.replace(slug, number, caller.get(), request);
    }

    /** Served from the round-up cache: one indexed lookup while nothing has changed. */
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{number}/roundup")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The round-up",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundupView.class)))
    public Response roundup(@PathParam("slug") String slug, @PathParam("number") String number) {
        return Response.ok(exports.json(slug, number), MediaType.APPLICATION_JSON)
                .build();
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = ATOM, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{number}/roundup.atom")
    @Produces(ATOM)
    public String roundupAtom(
            @PathParam("slug") String slug, @PathParam("number") String number, @Context UriInfo uri) {
        return exports.atom(slug, number, uri.getBaseUri());
    }

    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = MARKDOWN, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{number}/roundup.md")
    @Produces(MARKDOWN)
    public String roundupMarkdown(@PathParam("slug") String slug, @PathParam("number") String number) {
        return exports.markdown(slug, number);
    }

    /** The snippet a host pastes into their own post (a fragment, not a page). */
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{number}/roundup.html")
    @Produces(HTML)
    public String roundupHtml(@PathParam("slug") String slug, @PathParam("number") String number) {
        return exports.htmlSnippet(slug, number);
    }

    /** Host: every response, hidden ones included. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = RoundupView.Entry.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    @Path("/{number}/responses")
    public List<RoundupView.Entry> responses(@PathParam("slug") String slug, @PathParam("number") String number) {
        return curation.responses(slug, number, caller.get());
    }

    /** Host: add a post by URL, or accept a near-miss by postId. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "201",
            description = "The response, now in the round-up",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundupView.Entry.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{number}/responses")
    public Response addResponse(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @Valid @NotNull AddResponseRequest request) {
        RoundupView.Entry added = curation.add(slug, number, caller.get(), request);
        return Response.created(
                        URI.create("/api/series/" + slug + "/assignments/" + number + "/responses/" + added.id()))
                .entity(added)
                .build();
    }

    /** Host: hide ({@code HIDDEN}) or restore ({@code AUTO}) a response. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RoundupView.Entry.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @PATCH
    @Path("/{number}/responses/{id}")
    public RoundupView.Entry changeResponse(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @PathParam("id") String id,
            @Valid @NotNull StateChange change) {
        return curation.setState(slug, number, caller.get(), id, change.state());
    }

    /** Host: every candidate the intakes (Webmention, pingback, the invitation's comments) found, with its status. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = MentionStatus.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    @Path("/{number}/mentions")
    public List<MentionStatus> mentions(@PathParam("slug") String slug, @PathParam("number") String number) {
        return intake.mentions(slug, number, caller.get());
    }

    /** Host: posts in the window with the hashtag but no link-back, or the reverse. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = NearMiss.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    @Path("/{number}/near-misses")
    public List<NearMiss> nearMisses(@PathParam("slug") String slug, @PathParam("number") String number) {
        return curation.nearMisses(slug, number, caller.get());
    }

    /**
     * Host or guest host: publish the round-up, once the deadline has passed (409 before). From then on
     * each response readers see gets one Webmention from the assignment's page. Publishing again
     * changes nothing and answers the same.
     */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "The round-up is published; its Webmentions so far",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Announcements.Publication.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CarnivalApi.CONFLICT)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{number}/publish")
    public Announcements.Publication publish(@PathParam("slug") String slug, @PathParam("number") String number) {
        return publishing.publish(slug, number, caller.get());
    }

    /** Host or guest host: whether the round-up is published, and the result of each Webmention. */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Announcements.Publication.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @GET
    @Path("/{number}/announcements")
    public Announcements.Publication announcements(@PathParam("slug") String slug, @PathParam("number") String number) {
        return announcements.list(slug, number, caller.get());
    }

    /** A guest host token, shown once: what the series host sends to the assignment's guest host. */
    @Schema(requiredProperties = {"guestHostToken", "signInUrl"})
    public record GuestToken(String guestHostToken, String signInUrl) {}

    /**
     * Series host: issue (or replace) the guest host token of an assignment that names a guest host.
     * The guest signs in with it at {@code signInUrl} and may then edit this assignment's topic,
     * invitation, questions, intro and window, curate its round-up and poll the series' feeds.
     */
    @SecurityRequirement(name = CarnivalApi.BEARER)
    @APIResponse(
            responseCode = "201",
            description = "The new guest host token; any earlier one stops working",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = GuestToken.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = CarnivalApi.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = CarnivalApi.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @APIResponse(responseCode = "422", ref = CarnivalApi.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Path("/{number}/host")
    public Response issueGuestToken(@PathParam("slug") String slug, @PathParam("number") String number) {
        String token = planning.issueGuestToken(slug, number, caller.get());
        return Response.status(201)
                .entity(new GuestToken(token, targets.endpoint("/series/" + slug + "/host")))
                .build();
    }
}
