package app.carnival.matching;

import java.util.List;

/** Hashtag evidence (SPEC "Matching", Hashtag) for a single check; matching uses a {@link Hashtag} prepared once. */
public final class Hashtags {

    private Hashtags() {}

    /** {@link Hashtag#inText}. @param hashtag without '#' */
    public static boolean inText(String text, String hashtag) {
        return Hashtag.of(hashtag).inText(text);
    }

    /** {@link Hashtag#inCategories}. */
    public static boolean inCategories(List<String> categories, String hashtag) {
        return Hashtag.of(hashtag).inCategories(categories);
    }
}
