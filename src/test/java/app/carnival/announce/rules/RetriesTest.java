package app.carnival.announce.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What follows one attempt to send a Webmention. */
class RetriesTest {

    static final Instant NOW = Instant.parse("2024-05-20T10:00:00Z");
    static final Retries.Policy POLICY = new Retries.Policy(4, Duration.ofMinutes(1), Duration.ofMinutes(3));

    static Delivery.Failed passing() {
        return new Delivery.Failed("the endpoint did not answer within 30 s", true, "https://e.example/wm", null);
    }

    @Test
    void aSuccessOrNoEndpointEndsIt() {
        assertThat(Retries.after(new Delivery.Sent("https://e.example/wm", 202), 1, POLICY, NOW))
                .isEqualTo(new Retries.Next(AnnouncementState.SENT, null));
        assertThat(Retries.after(new Delivery.NoEndpoint(), 1, POLICY, NOW))
                .isEqualTo(new Retries.Next(AnnouncementState.NO_ENDPOINT, null));
    }

    @Test
    void aFailureThatWillNotPassIsNotRetried() {
        Delivery.Failed lasting = new Delivery.Failed("HTTP 400 Bad Request", false, "https://e.example/wm", 400);
        assertThat(Retries.after(lasting, 1, POLICY, NOW)).isEqualTo(new Retries.Next(AnnouncementState.FAILED, null));
    }

    @Test
    void aFailureThatMayPassIsRetriedWithADoublingCappedDelayUpToTheLimit() {
        assertThat(Retries.after(passing(), 1, POLICY, NOW).retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(Retries.after(passing(), 2, POLICY, NOW).retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(Retries.after(passing(), 3, POLICY, NOW))
                .isEqualTo(new Retries.Next(AnnouncementState.QUEUED, NOW.plus(Duration.ofMinutes(3))));
        assertThat(Retries.after(passing(), 4, POLICY, NOW))
                .isEqualTo(new Retries.Next(AnnouncementState.FAILED, null));
        assertThat(Retries.delay(64, POLICY)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void theHostReadsEachStateInWords() {
        assertThat(AnnouncementText.summary(AnnouncementState.SENT, 1, 202, "", false, null))
                .isEqualTo("Webmention sent (HTTP 202)");
        assertThat(AnnouncementText.summary(AnnouncementState.NO_ENDPOINT, 1, null, "", false, null))
                .isEqualTo("no Webmention endpoint");
        assertThat(AnnouncementText.summary(AnnouncementState.FAILED, 1, 400, "HTTP 400 Bad Request", false, null))
                .isEqualTo("failed: HTTP 400 Bad Request");
        assertThat(AnnouncementText.summary(
                        AnnouncementState.FAILED, 4, null, "the endpoint did not answer within 30 s", false, null))
                .isEqualTo("failed: the endpoint did not answer within 30 s (after 4 attempts)");
        assertThat(AnnouncementText.summary(AnnouncementState.QUEUED, 0, null, "", false, null))
                .isEqualTo("waiting to be sent");
        assertThat(AnnouncementText.summary(
                        AnnouncementState.QUEUED,
                        1,
                        503,
                        "HTTP 503 Service Unavailable",
                        false,
                        "Mon 20 May 10:01 UTC"))
                .isEqualTo("waiting (retry at Mon 20 May 10:01 UTC; last: HTTP 503 Service Unavailable)");
        assertThat(AnnouncementText.summary(AnnouncementState.QUEUED, 0, null, "", true, null))
                .startsWith("on hold");
    }
}
