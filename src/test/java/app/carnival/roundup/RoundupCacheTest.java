package app.carnival.roundup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rendered round-ups kept are bounded by their size in bytes, whatever their number. */
class RoundupCacheTest {

    static final Instant T = Instant.parse("2024-05-01T00:00:00Z");

    final AtomicInteger renderings = new AtomicInteger();

    static RoundupCache.Version version(long assignment) {
        return new RoundupCache.Version(assignment, 1, T, T, T);
    }

    /** Asks for the round-ups of assignments 1 to 5, each {@code size} bytes; returns how many were served without rendering. */
    int askForFive(RoundupCache cache, int size) {
        int before = renderings.get();
        IntStream.rangeClosed(1, 5)
                .forEach(a -> cache.get("json", version(a), "open", () -> {
                    renderings.incrementAndGet();
                    return new byte[size];
                }));
        return 5 - (renderings.get() - before);
    }

    @Test
    void renderingsThatFitTheBudgetAreServedAgainWithoutRendering() {
        RoundupCache cache = new RoundupCache(null, 100);
        assertThat(askForFive(cache, 10)).isZero();
        assertThat(askForFive(cache, 10)).isEqualTo(5);
    }

    @Test
    void renderingsBeyondTheByteBudgetAreDroppedAndRenderedAgain() {
        RoundupCache cache = new RoundupCache(null, 100);
        assertThat(askForFive(cache, 40)).isZero();
        // 100 bytes hold two renderings of 40: at least three of the five are rendered again.
        assertThat(askForFive(cache, 40)).isLessThanOrEqualTo(2);
    }

    @Test
    void eachKeyIsRenderedOnceWhileItStaysInTheCache() {
        RoundupCache cache = new RoundupCache(null, 1_000);
        byte[] first = cache.get("json", version(1), "open", () -> new byte[] {1});
        byte[] again = cache.get("json", version(1), "open", () -> new byte[] {2});
        byte[] closed = cache.get("json", version(1), "closed", () -> new byte[] {3});
        byte[] page = cache.get("page", version(1), "open", () -> new byte[] {4});
        assertThat(again).isSameAs(first);
        assertThat(closed).containsExactly(3);
        assertThat(page).containsExactly(4);
    }
}
