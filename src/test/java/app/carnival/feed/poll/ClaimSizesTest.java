package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClaimSizesTest {

    private static int[] firstClaims(ClaimSizes sizes, int count) {
        return IntStream.range(0, count).map(i -> sizes.next()).toArray();
    }

    @Test
    void startsAtThePoolsSizeAndDoublesUpToTheBatchSize() {
        assertThat(firstClaims(new ClaimSizes(16, 256), 7)).containsExactly(16, 32, 64, 128, 256, 256, 256);
        assertThat(firstClaims(new ClaimSizes(16, 100), 4)).containsExactly(16, 32, 64, 100);
    }

    @Test
    void aBatchSmallerThanThePoolIsClaimedWholeFromTheStart() {
        assertThat(firstClaims(new ClaimSizes(16, 2), 3)).containsExactly(2, 2, 2);
        assertThat(firstClaims(new ClaimSizes(0, 8), 5)).containsExactly(1, 2, 4, 8, 8);
    }

    @Test
    void doublingStopsAtTheBatchSizeWithoutOverflow() {
        assertThat(firstClaims(new ClaimSizes(1 << 30, Integer.MAX_VALUE), 3))
                .containsExactly(1 << 30, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
