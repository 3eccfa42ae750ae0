package app.carnival.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Pages and API answers saved under src/test/resources. */
final class HtmlFixtures {

    private HtmlFixtures() {}

    /** The page parsed as the fetcher parses one fetched from {@code url}. */
    static Document page(String resource, String url) {
        return Jsoup.parse(text(resource), url);
    }

    static String text(String resource) {
        try (InputStream in = HtmlFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
