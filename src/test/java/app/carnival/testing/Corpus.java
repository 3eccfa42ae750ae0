package app.carnival.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Locates the shared feed corpus (read-only) for tests. */
public final class Corpus {

    private Corpus() {}

    public static Path root() {
        String configured = System.getProperty("carnival.corpus");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CARNIVAL_CORPUS");
        }
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("..", "shared", "corpus"), Path.of("/work/shared/corpus"));
        return candidates.stream()
                .filter(Files::isDirectory)
                .findFirst()
                .map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("feed corpus not found; tried " + candidates
                        + " (set -Dcarnival.corpus=... or CARNIVAL_CORPUS)"));
    }

    /** Every document of the corpus that may be a feed: the real feeds (.xml) and the whole feedparser suite. */
    public static List<Path> documents() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".xml") || p.toString().contains("/feedparser/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files directly inside {@code relativeDir} (not its subfolders), sorted by name. */
    public static List<Path> files(String relativeDir) {
        Path dir = root().resolve(relativeDir);
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus folder " + dir, e);
        }
    }

    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.*?)\\s*$");

    /** The Content-Type a feedparser test document declares in its header comment, else null. */
    public static String declaredContentType(byte[] body) {
        Matcher m = CONTENT_TYPE.matcher(new String(body, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
