package app.carnival.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /favicon.ico}: the pages name their icon ({@code <link rel="icon">}), but feed readers,
 * bookmarks and browsers on other pages (the API's JSON, the Swagger UI) still ask for this
 * address. A permanent redirect to the one SVG icon spares them a 404.
 */
@Path("/favicon.ico")
public class Favicon {

    private static final String ICON = "/static/favicon.svg";

    @GET
    public Response icon() {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(ICON))
                .build();
    }
}
