package app.carnival.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A post belongs to a blog at a path only below that path's whole segments. */
class BlogPathTest {

    @Test
    void wholeSegmentsOnly() {
        assertThat(ParticipantRepository.isUnder("/b5/2024/post/", "/b5")).isTrue();
        assertThat(ParticipantRepository.isUnder("/b50/2024/post/", "/b5")).isFalse();
        assertThat(ParticipantRepository.isUnder("/b5", "/b5")).isTrue();
        assertThat(ParticipantRepository.isUnder("/anything/", "")).isTrue();
    }
}
