package app.carnival.api;

import app.carnival.intake.Pingbacks;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Pingback 1.0 endpoint (XML-RPC {@code pingback.ping}), advertised by the assignment pages'
 * {@code X-Pingback} header. Faults are XML-RPC answers with status 200, as the protocol has them.
 */
@Path("/xmlrpc")
public class PingbackResource {

    private final Pingbacks pingbacks;

    public PingbackResource(Pingbacks pingbacks) {
        this.pingbacks = pingbacks;
    }

    @APIResponse(
            responseCode = "200",
            description = "An XML-RPC methodResponse: the success string, or a Pingback fault (16, 17, 32, 33, 48)",
            content =
                    @Content(
                            mediaType = "text/xml",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(responseCode = "413", ref = CarnivalApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = CarnivalApi.UNSUPPORTED)
    @APIResponse(responseCode = "429", ref = CarnivalApi.RATE_LIMITED)
    @POST
    @Consumes({"text/xml", "application/xml"})
    @Produces("text/xml")
    public String ping(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = "text/xml",
                                            schema =
                                                    @Schema(
                                                            type =
                                                                    org.eclipse.microprofile.openapi.annotations.enums
                                                                            .SchemaType.STRING)))
                    byte[] body,
            @Context HttpServerRequest request) {
        return pingbacks.ping(body, request.remoteAddress().hostAddress());
    }
}
