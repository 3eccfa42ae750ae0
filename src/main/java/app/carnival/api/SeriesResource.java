package app.carnival.api;

import app.carnival.feed.poll.PollNow;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

@Path("/api/series")
public class SeriesResource {

    private final SeriesService series;
    private final PollNow pollNow;
    private final RoundupExports exports;
    private final CurrentCaller caller;

    public SeriesResource(SeriesService series, PollNow pollNow, RoundupExports exports, CurrentCaller caller) {
        this.series = series;
        this.pollNow = pollNow;
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull SeriesRequest request) {
        SeriesView created = series.create(request);
        return Response.created(URI.create("/api/series/" + created.slug())).entity(created).build();
    }

    @GET
    public List<SeriesView> list() {
        return series.list();
    }

    @GET
    @Path("/{slug}")
    public SeriesView get(@PathParam("slug") String slug) {
        return series.get(slug);
    }

    @POST
    @Path("/{slug}/poll")
    public PollNow.PollReport poll(@PathParam("slug") String slug) {
        return pollNow.series(slug, caller.get());
    }

    /** Atom feed of the series' newly matched responses, newest first. */
    @GET
    @Path("/{slug}/responses.atom")
    @Produces(AssignmentResource.ATOM)
    public String responsesAtom(@PathParam("slug") String slug, @Context UriInfo uri) {
        return exports.seriesAtom(slug, uri.getBaseUri());
    }

    /** The participants' feeds as an OPML subscription list. */
    @GET
    @Path("/{slug}/participants.opml")
    @Produces("text/x-opml; charset=UTF-8")
    public String participantsOpml(@PathParam("slug") String slug) {
        return exports.opml(slug);
    }
}
