package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real feeds that declare a legacy encoding (Latin-1, windows-1251, ISO-8859-7, GB2312), with the
 * declaration taken out: a server that names no charset. The detector must read each as the declaration
 * did; the former windows-1252 guess read only the Latin-1 ones right.
 */
class UndeclaredCharsetTest {

    private static final Pattern DECLARATION = Pattern.compile("(<\\?xml[^>]*?)\\s+encoding\\s*=\\s*[\"'][^\"']*[\"']");
    private static final Pattern LEGACY = Pattern.compile("(?i)encoding\\s*=\\s*[\"'](?!utf-8)[^\"']+[\"']");

    private final FeedParser parser = new FeedParser();

    @Test
    void legacyFeedsWithoutTheirDeclarationReadAsDeclared() throws FeedParseException {
        List<String> wrong = new ArrayList<>();
        int legacy = 0;
        for (Path file : Corpus.files("real")) {
            byte[] body = Corpus.read(file);
            String head = new String(body, 0, Math.min(200, body.length), StandardCharsets.ISO_8859_1);
            if (!LEGACY.matcher(head).find()) {
                continue;
            }
            legacy++;
            ParsedFeed declared = parser.parse(body, null, "https://example.org/feed");
            ParsedFeed undeclared = parser.parse(withoutDeclaredEncoding(body), null, "https://example.org/feed");
            if (!text(declared).equals(text(undeclared))) {
                wrong.add(file.getFileName() + ": '" + undeclared.title() + "' instead of '" + declared.title() + "'");
            }
        }
        System.out.println("undeclared legacy feeds read as declared: " + (legacy - wrong.size()) + "/" + legacy);
        assertThat(legacy).isEqualTo(11);
        assertThat(wrong).isEmpty();
    }

    @Test
    void undeclaredLatin1StaysLatin1() throws FeedParseException {
        byte[] body =
                "<rss version=\"2.0\"><channel><title>Caf\u00e9 cr\u00e8me \u00e0 l'\u00e9t\u00e9</title></channel></rss>"
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parser.parse(body, null, "https://example.org/feed").title())
                .isEqualTo("Caf\u00e9 cr\u00e8me \u00e0 l'\u00e9t\u00e9");
    }

    private static byte[] withoutDeclaredEncoding(byte[] body) {
        String latin1 = new String(body, StandardCharsets.ISO_8859_1);
        return DECLARATION.matcher(latin1).replaceFirst("$1").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(ParsedFeed feed) {
        StringBuilder all = new StringBuilder(String.valueOf(feed.title()));
        feed.entries()
                .forEach(e -> all.append('\n').append(e.title()).append('\n').append(e.contentHtml()));
        return all.toString();
    }
}
