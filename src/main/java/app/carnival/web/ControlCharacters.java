package app.carnival.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a control character in the decoded path or query before any resource sees it: a NUL would
 * otherwise reach PostgreSQL, which rejects it with a 500.
 */
public class ControlCharacters {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext request) {
        if (in(request.getUriInfo().getPath(), false)) {
            throw new BadRequestException("The path contains a control character.");
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (in(parameter.getKey(), false) || parameter.getValue().stream().anyMatch(v -> in(v, false))) {
                throw new BadRequestException("The query contains a control character.");
            }
        }
    }

    /** Whether the text has a C0 control character or DEL; {@code whitespaceAllowed} lets tab, LF and CR pass. */
    static boolean in(String text, boolean whitespaceAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && !(whitespaceAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
