package app.carnival.pages;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every HTML answer names its charset in the header, not only in the page's {@code <meta charset>}
 * (which a browser reads only after guessing, and which the Nu checker wants confirmed). The pages
 * are written in UTF-8, but a {@code Response} built around a template (a refused form, the login
 * page, a POST's result) is typed by Qute's own response filter from the template's variant:
 * plain {@code text/html}. This filter runs after it (response filters run from the highest
 * priority down) and adds the charset, for every page at once.
 */
public class HtmlCharset {

    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void utf8(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null
                && type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.withCharset("UTF-8"));
        }
    }
}
