package app.carnival.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Regular files directly inside {@code relativeDir} (not its subfolders), sorted by name. */
    public static List<Path> files(String relativeDir) {
        Path dir = root().resolve(relativeDir);
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus folder " + dir, e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
