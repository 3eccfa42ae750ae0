package app.carnival.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's warm-up rule: at least two passes, until one takes at least 95% of the CPU of the one before with
 * its JIT compilers at most a quarter of it, at most eight.
 */
class BenchWarmUpTest {

    private static List<Double> warmUp(double... cpu) throws Exception {
        return Bench.warmUp(round -> cpu[round - 1], c -> new Bench.WarmUpCost(c, 0));
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

    @Test
    void goesOnWhileTheJitCompilersTakeMoreThanAQuarterOfAPass() throws Exception {
        // The service's cycles of one run: a noisy fourth cycle cost more than the third, its compilers at 35%; the
        // sixth is as costly as the fifth, its compilers at 22%.
        double[][] passes = {{9.0, 3.3}, {4.8, 1.7}, {3.4, 1.5}, {4.0, 1.4}, {3.3, 0.9}, {3.2, 0.7}, {3.2, 0.6}};
        List<double[]> run = Bench.warmUp(round -> passes[round - 1], p -> new Bench.WarmUpCost(p[0], p[1]));
        assertEquals(6, run.size());
    }
}
