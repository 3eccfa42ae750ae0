package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryContentTest {

    @Test
    void linksAreResolvedAgainstTheBaseAndTheTextHasNoMarkup() {
        EntryContent content = EntryContent.of(
                "<p><a href='../my answer'>answer</a> <a href='//exa mple.example/'>bad</a>"
                        + " <q cite='/quote'>q</q> <a href='javascript:alert(1)'>js</a><script>x()</script></p>",
                "https://blog.example/2024/05/post");

        assertThat(content.links()).containsExactly("https://blog.example/2024/my%20answer", "javascript:alert(1)");
        assertThat(content.text()).isEqualTo("answer bad q js");
    }

    @Test
    void anEmptyHrefIsNoOutgoingLink() {
        EntryContent content =
                EntryContent.of("<a href=''>self</a> <a href='https://x.example/'>x</a>", "https://blog.example/post");

        assertThat(content.links()).containsExactly("https://x.example/");
    }

    @Test
    void withoutABaseRelativeLinksAreDropped() {
        EntryContent content = EntryContent.of("<a href='relative'>r</a> <a href='https://x.example/'>x</a>", null);

        assertThat(content.links()).containsExactly("https://x.example/");
        assertThat(content.text()).isEqualTo("r x");
    }

    @Test
    void noHtmlIsNoTextAndNoLinks() {
        assertThat(EntryContent.of("  ", "https://blog.example/")).isEqualTo(EntryContent.of(null, null));
        assertThat(EntryContent.of(null, null).text()).isEmpty();
    }
}
