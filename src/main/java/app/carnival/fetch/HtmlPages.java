package app.carnival.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Decodes a fetched web page into a jsoup document, honouring the charset the server or the page declares. */
public final class HtmlPages {

    private HtmlPages() {}

    public static Document parse(FetchResult page) {
        try {
            // A null charset lets jsoup detect it from the BOM or <meta charset>, as browsers do.
            return Jsoup.parse(
                    new ByteArrayInputStream(page.body()), declaredCharset(page.contentType()), page.finalUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page cannot fail", e);
        }
    }

    private static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i < 0) {
            return null;
        }
        String name =
                contentType.substring(i + 8).replace("\"", "").replace("'", "").split("[;\\s]")[0];
        try {
            return java.nio.charset.Charset.isSupported(name) ? name : null;
        } catch (IllegalArgumentException e) {
            return null; // an illegal charset name is as good as none
        }
    }
}
