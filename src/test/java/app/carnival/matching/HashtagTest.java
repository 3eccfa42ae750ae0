package app.carnival.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashtagTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" has #meme15: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            My answer to #meme15                 | true
            '#meme15 is here'                    | true
            '#Meme15, this month'                | true
            Answering (#meme15) today            | true
            '#MEME15.'                           | true
            'tagged #meme15-2024'                | true
            'answer to #meme15: done'            | true
            'first #meme150 then #meme15'        | true
            my #meme150 post                     | false
            my #meme15x post                     | false
            my #meme15_b post                    | false
            foo#meme15 bar                       | false
            café#meme15                          | false
            meme15 without a hash                | false
            '# meme15'                           | false
            '#mem e15'                           | false
            ''                                   | false
            """)
    void findsTheHashtagAsAWholeWord(String text, boolean expected) {
        assertEquals(expected, Hashtag.of("meme15").inText(text));
    }

    @Test
    void textSearchToleratesNullsAndALeadingHashInTheHashtag() {
        assertFalse(Hashtag.of("meme15").inText(null));
        assertFalse(Hashtag.of(null).inText("#meme15"));
        assertFalse(Hashtag.of("").inText("#meme15"));
        assertFalse(Hashtag.of("").inText("a # b"));
        assertTrue(Hashtag.of("#meme15").inText("about #meme15"));
        assertTrue(Hashtag.of("meme15").inText("line one\n#meme15\nline three"));
    }

    @Test
    void hashtagCharactersAreLiteralNotRegex() {
        assertTrue(Hashtag.of("c++").inText("about #c++ today"));
        assertFalse(Hashtag.of("t.ql2sday").inText("about #tsql2sday"));
    }

    @ParameterizedTest(name = "[{index}] category \"{0}\" is meme15: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Meme15     | true
            '#meme15'  | true
            meme-15    | true
            Meme 15    | true
            MEME_15    | true
            ' meme15 ' | true
            '#Meme - 15' | true
            meme150    | false
            tsql       | false
            meme       | false
            '#'        | false
            """)
    void matchesCategoryIgnoringCaseHashSpaceDashUnderscore(String category, boolean expected) {
        assertEquals(expected, Hashtag.of("meme15").inCategories(List.of("SQL", category)));
    }

    @Test
    void categorySearchToleratesEmptyInputs() {
        assertFalse(Hashtag.of("meme15").inCategories(List.of()));
        assertFalse(Hashtag.of("meme15").inCategories(null));
        assertFalse(Hashtag.of("").inCategories(List.of("")));
        assertFalse(Hashtag.of("-").inCategories(List.of("#")));
    }
}
