package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.url.WebUrl;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void aUnicodeAndAPunycodeSpellingOfOneHostShareItsPermits() throws Exception {
        HostLimiter limiter = new HostLimiter(1);
        WebUrl punycode = WebUrl.parse("https://xn--bcher-kva.example/b.xml");
        Thread second = new Thread(() -> limiter.acquire(punycode).close());
        try (HostLimiter.Permit held = limiter.acquire(WebUrl.parse("https://BÜCHER.example/a.xml"))) {
            limiter.acquire(WebUrl.parse("https://other.example/feed")).close(); // another host is not held up
            second.start();
            assertThat(blocks(second))
                    .as("second spelling waits for the first one's permit")
                    .isTrue();
        }
        second.join(10_000);
        assertThat(second.isAlive()).isFalse();
    }

    /** Whether the thread comes to wait (for a permit) rather than finishing. */
    private static boolean blocks(Thread t) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(giveUp)) {
            Thread.State state = t.getState();
            if (state == Thread.State.WAITING) {
                return true;
            }
            if (state == Thread.State.TERMINATED) {
                return false;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
