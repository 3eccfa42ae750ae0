package app.carnival.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashtagsTest {

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
        assertEquals(expected, Hashtags.inText(text, "meme15"));
    }

    @Test
    void textSearchToleratesNullsAndALeadingHashInTheHashtag() {
        assertFalse(Hashtags.inText(null, "meme15"));
        assertFalse(Hashtags.inText("#meme15", null));
        assertFalse(Hashtags.inText("#meme15", ""));
        assertFalse(Hashtags.inText("a # b", ""));
        assertTrue(Hashtags.inText("about #meme15", "#meme15"));
        assertTrue(Hashtags.inText("line one\n#meme15\nline three", "meme15"));
    }

    @Test
    void hashtagCharactersAreLiteralNotRegex() {
        assertTrue(Hashtags.inText("about #c++ today", "c++"));
        assertFalse(Hashtags.inText("about #tsql2sday", "t.ql2sday"));
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
        assertEquals(expected, Hashtags.inCategories(List.of("SQL", category), "meme15"));
    }

    @Test
    void categorySearchToleratesEmptyInputs() {
        assertFalse(Hashtags.inCategories(List.of(), "meme15"));
        assertFalse(Hashtags.inCategories(null, "meme15"));
        assertFalse(Hashtags.inCategories(List.of(""), ""));
        assertFalse(Hashtags.inCategories(List.of("#"), "-"));
    }
}
