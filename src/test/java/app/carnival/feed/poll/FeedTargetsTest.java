package app.carnival.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.fetch.FetchException;
import app.carnival.url.WebUrl;
import org.junit.jupiter.api.Test;

class FeedTargetsTest {

    private final FeedTargets targets = new FeedTargets();

    @Test
    void aFeedUrlIsReadOnceWithItsRequestUri() throws FetchException {
        WebUrl first = targets.of("https://Bücher.example/a/../feed?x=ü");

        WebUrl again = targets.of("https://Bücher.example/a/../feed?x=ü");

        assertThat(again).isSameAs(first);
        assertThat(again.toUri()).isSameAs(first.toUri());
        assertThat(again.toUri().toString()).isEqualTo("https://xn--bcher-kva.example/feed?x=%C3%BC");
        assertThat(again.text()).isEqualTo("https://Bücher.example/a/../feed?x=ü");
        assertThat(targets.of("https://bücher.example/feed")).isNotSameAs(first);
    }

    @Test
    void aUrlThatCannotBeFetchedIsRefusedAtEachPoll() {
        for (int poll = 0; poll < 2; poll++) {
            assertThatThrownBy(() -> targets.of("ftp://files.example/feed"))
                    .isInstanceOfSatisfying(
                            FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED))
                    .hasMessage("cannot fetch: only http and https URLs are supported, not ftp:");
        }
    }
}
