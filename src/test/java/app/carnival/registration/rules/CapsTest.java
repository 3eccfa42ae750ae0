package app.carnival.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CapsTest {

    private final Caps caps = new Caps(3, 2);

    @Test
    void aRegistrationUnderBothCapsFits() {
        assertThat(caps.refusal("meme", 2, "medium.com", 1)).isEmpty();
        assertThat(caps.refusal("meme", 0, "medium.com", 0)).isEmpty();
    }

    @Test
    void aFullSeriesRefusesNamingItsLimit() {
        assertThat(caps.refusal("meme", 3, "blog.example", 0))
                .hasValue("Series 'meme' is full: it has reached the limit of 3 participants per series,"
                        + " so no more blogs can register.");
    }

    @Test
    void aHostWithAsManyFeedsAsTheCapRefusesNamingTheHostAndTheLimit() {
        assertThat(caps.refusal("meme", 2, "medium.com", 2))
                .hasValue("Series 'meme' already has 2 feeds on medium.com, the limit of 2 feeds per host name in"
                        + " one series, so no more feeds on medium.com can register.");
    }

    @Test
    void theSeriesCapIsNamedFirstWhenBothAreReached() {
        assertThat(caps.refusal("meme", 3, "medium.com", 2)).get().asString().contains("is full");
    }

    @Test
    void capsBelowOneAreAConfigurationMistake() {
        assertThatThrownBy(() -> new Caps(0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caps(500, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
