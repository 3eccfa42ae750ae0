package app.carnival.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's warm-up rule: at least two passes, until one takes at least 95% of the CPU of the one before. */
class BenchWarmUpTest {

    private static List<Double> warmUp(double... cpu) throws Exception {
        return Bench.warmUp(round -> cpu[round - 1], Double::doubleValue);
    }

    @Test
    void stopsAtTheFirstPassThatTakesNoLessThan95PercentOfThePassBefore() throws Exception {
        assertEquals(List.of(14.5, 7.9, 5.7, 4.3, 4.2), warmUp(14.5, 7.9, 5.7, 4.3, 4.2, 4.2, 4.2, 4.2));
    }

    @Test
    void runsTwoPassesEvenWhenTheFirstIsAlreadyCheap() throws Exception {
        assertEquals(List.of(3.0, 3.0), warmUp(3.0, 3.0, 3.0));
    }

    @Test
    void stopsAtEightPassesWhileTheCpuStillFalls() throws Exception {
        assertEquals(8, warmUp(20, 18, 16, 14, 12, 10, 8, 6, 4, 2).size());
    }
}
