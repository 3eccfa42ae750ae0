package app.carnival.api;

import app.carnival.intake.MentionStatus;
import app.carnival.intake.Webmentions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The Webmention endpoint (W3C Webmention, receiver): asynchronous, with a status resource per source. */
@Path("/webmention")
public class WebmentionResource {

    private final Webmentions webmentions;

    public WebmentionResource(Webmentions webmentions) {
        this.webmentions = webmentions;
    }

    @APIResponse(
            responseCode = "202",
            description = "Queued for verification; Location is its status resource",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MentionStatus.class)))
    @APIResponse(responseCode = "400", ref = CarnivalApi.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                                            schema = @Schema(implementation = WebmentionForm.class)))
                    String form,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        // Read by hand, not with @FormParam: the framework fails on a malformed %-escape with a 500.
        Map<String, String> fields = new HashMap<>();
        // %-escapes are UTF-8 unless the sender declares another charset (as some HTTP clients do)
        String charset = headers.getMediaType() == null
                ? null
                : headers.getMediaType().getParameters().get("charset");
        Charset escapes =
                charset != null && Charset.isSupported(charset) ? Charset.forName(charset) : StandardCharsets.UTF_8;
        for (NameValuePair pair : WWWFormCodec.parse(form, escapes)) {
            fields.putIfAbsent(pair.getName(), pair.getValue());
        }
        UUID id = webmentions.receive(
                fields.get("source"),
                fields.get("target"),
                request.remoteAddress().hostAddress());
        return Response.accepted(webmentions.status(id))
                .location(URI.create("/webmention/" + id))
                .build();
    }

    /** The form a Webmention sender posts (W3C Webmention §3.1.2). */
    @Schema(requiredProperties = {"source", "target"})
    record WebmentionForm(String source, String target) {}

    @APIResponse(
            responseCode = "200",
            description = "Where the Webmention stands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MentionStatus.class)))
    @APIResponse(responseCode = "404", ref = CarnivalApi.NOT_FOUND)
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public MentionStatus status(@PathParam("id") String id) {
        return webmentions.status(id);
    }
}
