package app.carnival.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.carnival.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All 1,850 feedparser test files (well-formed, ill-formed, encodings) through the parse path, with
 * their simulated Content-Type: each parses or becomes a readable parse error; nothing else escapes.
 */
class FeedparserCorpusTest {

    @Test
    void everyFileParsesOrFailsReadably() {
        FeedParser parser = new FeedParser();
        List<Path> files = allFiles();
        assertThat(files).hasSize(1850);
        int parsed = 0;
        int failed = 0;
        for (Path file : files) {
            byte[] body = Corpus.read(file);
            String declared = Corpus.declaredContentType(body);
            String contentType = declared != null ? declared : "application/xml";
            try {
                parser.parse(body, contentType, "http://example.org/feed");
                parsed++;
            } catch (FeedParseException e) {
                assertThat(e.getMessage()).as(file.toString()).isNotBlank().doesNotContain("Exception");
                failed++;
            } catch (RuntimeException | Error e) {
                fail(file + " escaped the parser with " + e, e);
            }
        }
        System.out.printf(
                "feedparser corpus: %d parsed, %d readable parse errors, 0 escaped (of %d)%n",
                parsed, failed, files.size());
        assertThat(parsed).isGreaterThan(1700);
    }

    private static List<Path> allFiles() {
        try (Stream<Path> walk = Files.walk(Corpus.root().resolve("feedparser"))) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
