package app.carnival.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcerptsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>Hello <b>world</b></p>                          | Hello world
            <p>One</p><p>Two</p>                               | One Two
            'Line<br>break'                                    | Line break
            '  lots   of  space&nbsp;&nbsp;here  '             | lots of space here
            <p>Fish &amp; chips &lt;3</p>                      | Fish & chips <3
            <script>alert(1)</script><p>visible</p>            | visible
            <style>p{color:red}</style>text                    | text
            plain text                                         | plain text
            ''                                                 | ''
            """)
    void plainTextCollapsesWhitespaceAndDropsMarkup(String html, String expected) {
        assertEquals(expected, Excerpts.plainText(html));
    }

    @Test
    void plainTextTurnsTabsAndNewlinesIntoSingleSpaces() {
        assertEquals("a b c", Excerpts.plainText("a\t\tb\r\n\n<div>\nc</div>"));
    }

    @Test
    void collapsedTextIsKeptAsItIsAndEveryOtherSpacingIsCollapsed() {
        String collapsed = "caf\u00e9 \u2014 #meme15, done.";
        assertSame(collapsed, Excerpts.collapseWhitespace(collapsed));
        assertSame("", Excerpts.collapseWhitespace(""));
        assertEquals("a b", Excerpts.collapseWhitespace(" a b"));
        assertEquals("a b", Excerpts.collapseWhitespace("a b "));
        assertEquals("a b", Excerpts.collapseWhitespace("a  b"));
        assertEquals("a b", Excerpts.collapseWhitespace("a\u2003b"));
        assertEquals("a b", Excerpts.collapseWhitespace("a \u3000 b"));
        assertEquals("a b", Excerpts.collapseWhitespace("a\u000bb"));
        assertEquals("a\u0001b", Excerpts.collapseWhitespace("a\u0001b"));
        assertEquals("", Excerpts.collapseWhitespace(" \u00a0 "));
    }

    @Test
    void plainTextOfNullIsEmpty() {
        assertEquals("", Excerpts.plainText((String) null));
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>The quick brown fox jumps</p> | 100 | The quick brown fox jumps
            <p>The quick brown fox jumps</p> | 25  | The quick brown fox jumps
            <p>The quick brown fox jumps</p> | 24  | The quick brown fox…
            <p>The quick brown fox jumps</p> | 20  | The quick brown fox…
            <p>The quick brown fox jumps</p> | 19  | The quick brown…
            <p>The quick brown fox jumps</p> | 10  | The quick…
            '<p>Well, then: more words</p>'  | 12  | Well, then…
            '<p>Well, then more words</p>'   | 6   | Well…
            <p>Supercalifragilistic</p>      | 8   | Superca…
            <p>Supercalifragilistic</p>      | 1   | …
            """)
    void excerptCutsAtAWordBoundaryWithinTheLimit(String html, int max, String expected) {
        String excerpt = Excerpts.excerpt(html, max);
        assertEquals(expected, excerpt);
        assertTrue(excerpt.length() <= max, "length " + excerpt.length() + " > " + max);
    }

    @Test
    void excerptNeverSplitsASurrogatePair() {
        String excerpt = Excerpts.excerpt("\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89", 4);
        assertEquals("\uD83C\uDF89…", excerpt);
    }

    @Test
    void excerptRejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> Excerpts.excerpt("<p>x</p>", 0));
    }
}
