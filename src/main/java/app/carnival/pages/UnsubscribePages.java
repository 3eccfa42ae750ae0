package app.carnival.pages;

import app.carnival.errors.DomainException;
import app.carnival.limits.Limit;
import app.carnival.mail.Unsubscribes;
import app.carnival.mail.Unsubscribes.Outcome;
import app.carnival.web.CurrentCaller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The unsubscribe link of every mail. A GET only shows a page with a button (link scanners and
 * previews open links, and must not unsubscribe anyone); the POST, from that button or straight from
 * a mail client (RFC 8058 {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}), unsubscribes.
 * The token itself is the authority, so the POST needs no other form token. A wrong token is a 404
 * page, a used one a 200 page saying it is done already.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePages {

    /** What the page says: a heading, a paragraph, and whether the button is there. */
    record UnsubscribePage(String token, String heading, String text, boolean button) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(UnsubscribePage page);
    }

    private final Unsubscribes unsubscribes;
    private final CurrentCaller current;

    public UnsubscribePages(Unsubscribes unsubscribes, CurrentCaller current) {
        this.unsubscribes = unsubscribes;
        this.current = current;
    }

    @GET
    public Response confirm(@PathParam("token") String token) {
        current.admit(Limit.SELF_SERVICE);
        return page(token, unsubscribes.check(token));
    }

    /** No {@code @Consumes}: mail clients post {@code List-Unsubscribe=One-Click} form-encoded or as multipart. */
    @POST
    public Response unsubscribe(@PathParam("token") String token) {
        current.admit(Limit.SELF_SERVICE);
        return page(token, unsubscribes.unsubscribe(token));
    }

    @ServerExceptionMapper
    public Response problem(DomainException e) {
        return ErrorPage.of(e);
    }

    private static Response page(String token, Outcome outcome) {
        UnsubscribePage page;
        if (outcome instanceof Outcome.Ready r) {
            page = new UnsubscribePage(
                    token,
                    "Stop these mails?",
                    "This stops " + r.what() + ". Carnival then forgets the address.",
                    true);
        } else if (outcome instanceof Outcome.Done d) {
            page = new UnsubscribePage(
                    token,
                    "You are unsubscribed",
                    "No more " + d.what() + " will come, and Carnival has forgotten the address."
                            + " To get reminders again, register again.",
                    false);
        } else if (outcome instanceof Outcome.AlreadyDone) {
            page = new UnsubscribePage(
                    token,
                    "Already unsubscribed",
                    "This link has been used already: these mails are stopped, and the address is forgotten."
                            + " Nothing more to do.",
                    false);
        } else {
            page = new UnsubscribePage(
                    token,
                    "This unsubscribe link is not valid",
                    "Carnival sent no mail with this link. Check that the whole address was copied from the"
                            + " mail; if a mail keeps coming, use the link at its end.",
                    false);
        }
        return Response.status(outcome instanceof Outcome.Unknown ? 404 : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.unsubscribe(page))
                .build();
    }
}
