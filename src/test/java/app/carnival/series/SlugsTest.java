package app.carnival.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aTitleBecomesLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.fromTitle("T-SQL Tuesday")).isEqualTo("t-sql-tuesday");
        assertThat(Slugs.fromTitle("  #Meme15: Tabs & Spaces!  ")).isEqualTo("meme15-tabs-spaces");
        assertThat(Slugs.fromTitle("Über Café Crème")).isEqualTo("uber-cafe-creme");
        assertThat(Slugs.fromTitle("日本のブログ")).isEmpty();
        assertThat(Slugs.fromTitle(null)).isEmpty();
    }

    @Test
    void aLongTitleIsCutAtAWordWithinTheLimit() {
        String slug =
                Slugs.fromTitle("The monthly carnival of people who write about databases, indexes and query plans");
        assertThat(slug)
                .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .isEqualTo("the-monthly-carnival-of-people-who-write-about-databases-indexes");
        assertThat(Slugs.fromTitle("The monthly carnival of people who write about databases, indexing and plans"))
                .isEqualTo("the-monthly-carnival-of-people-who-write-about-databases");
        assertThat(Slugs.fromTitle("a".repeat(80))).hasSize(Slugs.MAX_LENGTH);
    }
}
