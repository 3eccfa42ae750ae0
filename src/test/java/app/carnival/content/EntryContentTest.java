package app.carnival.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryContentTest {

    @Test
    void keptMarkupLinksWhereTheLinksAreResolvedToAndUnresolvableLinksLoseTheirHref() {
        EntryContent content = EntryContent.of(
                "<p><a href='../my answer'>answer</a> <a href='//exa mple.example/'>bad</a>"
                        + " <q cite='/quote'>q</q> <a href='javascript:alert(1)'>js</a></p>",
                "https://blog.example/2024/05/post");

        assertThat(content.safeHtml())
                .isEqualTo("<p><a href=\"https://blog.example/2024/my%20answer\">answer</a>"
                        + " <a>bad</a> <q cite=\"https://blog.example/quote\">q</q> <a>js</a></p>");
        assertThat(content.links()).containsExactly("https://blog.example/2024/my%20answer", "javascript:alert(1)");
        assertThat(content.text()).isEqualTo("answer bad q js");
    }

    @Test
    void anEmptyHrefLinksToTheBaseInTheMarkupButIsNoOutgoingLink() {
        EntryContent content =
                EntryContent.of("<a href=''>self</a> <a href='https://x.example/'>x</a>", "https://blog.example/post");

        assertThat(content.safeHtml())
                .isEqualTo("<a href=\"https://blog.example/post\">self</a> <a href=\"https://x.example/\">x</a>");
        assertThat(content.links()).containsExactly("https://x.example/");
    }

    @Test
    void withoutABaseRelativeLinksAreDropped() {
        EntryContent content = EntryContent.of("<a href='relative'>r</a> <a href='https://x.example/'>x</a>", null);

        assertThat(content.safeHtml()).isEqualTo("<a>r</a> <a href=\"https://x.example/\">x</a>");
        assertThat(content.links()).containsExactly("https://x.example/");
    }
}
