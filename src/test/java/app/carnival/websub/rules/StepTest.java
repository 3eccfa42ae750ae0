package app.carnival.websub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StepTest {

    @ParameterizedTest
    @EnumSource(SubscriptionState.class)
    void aSubscriptionWhoseFeedIsFollowedIsAlwaysRequestedAgain(SubscriptionState state) {
        assertThat(Step.next(state, false, 3, 5)).isEqualTo(Step.SUBSCRIBE);
    }

    @Test
    void anOrphanIsUnsubscribedWhenTheHubMayHoldItElseForgotten() {
        assertThat(Step.next(SubscriptionState.ACTIVE, true, 0, 5)).isEqualTo(Step.UNSUBSCRIBE);
        assertThat(Step.next(SubscriptionState.SUBSCRIBING, true, 1, 5)).isEqualTo(Step.UNSUBSCRIBE);
        assertThat(Step.next(SubscriptionState.UNSUBSCRIBING, true, 4, 5)).isEqualTo(Step.UNSUBSCRIBE);
        assertThat(Step.next(SubscriptionState.UNSUBSCRIBING, true, 5, 5)).isEqualTo(Step.FORGET);
        assertThat(Step.next(SubscriptionState.SUBSCRIBE, true, 0, 5)).isEqualTo(Step.FORGET);
        assertThat(Step.next(SubscriptionState.FAILED, true, 2, 5)).isEqualTo(Step.FORGET);
    }

    @Test
    void renewalComesAt85PercentOfTheLease() {
        Instant t = Instant.parse("2024-06-01T00:00:00Z");
        assertThat(Leases.renewAt(t, 864000)).isEqualTo(t.plusSeconds(734400));
        assertThat(Leases.renewAt(t, 10)).isEqualTo(t.plusMillis(8500));
    }
}
