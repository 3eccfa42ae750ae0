package app.carnival.api;

import app.carnival.feed.poll.PollNow;
import app.carnival.roundup.RoundupExports;
import app.carnival.security.Tokens;
import app.carnival.web.Problems;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import app.carnival.series.Series;
import app.carnival.series.SeriesRequest;
import app.carnival.series.SeriesView;

@Path("/api/series")
public class SeriesResource {

    private final PollNow pollNow;
    private final RoundupExports exports;

    public SeriesResource(PollNow pollNow, RoundupExports exports) {
        this.pollNow = pollNow;
        this.exports = exports;
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull SeriesRequest request) {
        if (Series.findBySlug(request.slug()).isPresent()) {
            throw Problems.conflict("A series with slug '" + request.slug() + "' already exists.");
        }
        String token = Tokens.newToken();
        Series s = new Series();
        s.slug = request.slug();
        s.title = request.title().trim();
        s.description = request.description() == null ? "" : request.description().trim();
        s.hashtag = request.hashtag().startsWith("#") ? request.hashtag().substring(1) : request.hashtag();
        s.homeUrl = request.homeUrl() == null ? null : request.homeUrl().trim();
        s.hostTokenHash = Tokens.hash(token);
        s.persistAndFlush();
        Series.getEntityManager().refresh(s);
        return Response.created(URI.create("/api/series/" + s.slug)).entity(SeriesView.of(s).withHostToken(token)).build();
    }

    @GET
    public List<SeriesView> list() {
        return Series.<Series>list("order by title, slug").stream().map(SeriesView::of).toList();
    }

    @GET
    @Path("/{slug}")
    public SeriesView get(@PathParam("slug") String slug) {
        return SeriesView.of(Series.require(slug));
    }

    @POST
    @Path("/{slug}/poll")
    public PollNow.PollReport poll(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pollNow.series(slug, authorization);
    }

    /** Atom feed of the series' newly matched responses, newest first. */
    @GET
    @Path("/{slug}/responses.atom")
    @Produces(AssignmentResource.ATOM)
    public String responsesAtom(@PathParam("slug") String slug, @Context UriInfo uri) {
        return exports.seriesAtom(Series.require(slug), uri.getBaseUri());
    }

    /** The participants' feeds as an OPML subscription list. */
    @GET
    @Path("/{slug}/participants.opml")
    @Produces("text/x-opml; charset=UTF-8")
    public String participantsOpml(@PathParam("slug") String slug) {
        return exports.opml(Series.require(slug));
    }
}
