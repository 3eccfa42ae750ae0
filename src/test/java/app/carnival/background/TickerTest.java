package app.carnival.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickerTest {

    @Test
    void aSubSecondTickRunsTheLoopManyTimesASecond() throws InterruptedException {
        CountDownLatch fiveRuns = new CountDownLatch(5);
        try (Ticker ignored = new Ticker("test", Duration.ofMillis(20), fiveRuns::countDown)) {
            // Five runs need 100 ms at this tick; Quarkus' once-a-second trigger check would need five seconds.
            assertThat(fiveRuns.await(3, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void runsNeverOverlap() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch runs = new CountDownLatch(4);
        try (Ticker ignored = new Ticker("test", Duration.ofMillis(5), () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                runs.countDown();
            }
        })) {
            assertThat(runs.await(3, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlaps.get()).isZero();
    }

    @Test
    void aWakingLoopRunsWhenItsRunAsksSoonerThanTheTick() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Ticker ignored = Ticker.waking("test", Duration.ofHours(1), () -> {
            threeRuns.countDown();
            return Duration.ofMillis(20);
        })) {
            // A tick of an hour would run the loop once within the test (at the start); the run's 20 ms do more.
            assertThat(threeRuns.await(3, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aWakingLoopWaitsNoLongerThanTheTick() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (Ticker ignored = Ticker.waking("test", Duration.ofMillis(20), () -> {
            threeRuns.countDown();
            return Duration.ofHours(1);
        })) {
            assertThat(threeRuns.await(3, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theWaitIsRoundedUpToTheMillisecondAndKeptBetweenOneMillisecondAndTheTick() {
        Duration tick = Duration.ofMillis(200);
        assertThat(Ticker.delayMillis(Duration.ofNanos(1_500_000), tick)).isEqualTo(2);
        assertThat(Ticker.delayMillis(Duration.ofMillis(130), tick)).isEqualTo(130);
        assertThat(Ticker.delayMillis(Duration.ofNanos(1), tick)).isEqualTo(1);
        assertThat(Ticker.delayMillis(Duration.ZERO, tick)).isEqualTo(1);
        assertThat(Ticker.delayMillis(Duration.ofMillis(-5), tick)).isEqualTo(1);
        assertThat(Ticker.delayMillis(Duration.ofHours(1), tick)).isEqualTo(200);
    }

    @Test
    void aSurvivingLoopGoesOnAfterARunThatThrows() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        try (Ticker ignored = Ticker.surviving("test", Duration.ofMillis(10), "Test cycle", () -> {
            runs.countDown();
            throw new IllegalStateException("database down");
        })) {
            // A plain scheduled task that throws is never run again; this one is.
            assertThat(runs.await(3, TimeUnit.SECONDS)).isTrue();
        }
    }
}
