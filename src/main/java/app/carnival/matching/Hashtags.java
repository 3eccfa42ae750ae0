package app.carnival.matching;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Hashtag evidence (SPEC "Matching", Hashtag). */
public final class Hashtags {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    /** What a category spelling may differ in: case aside, '#', whitespace, '-' and '_'. */
    private static final Pattern CATEGORY_NOISE = Pattern.compile("[#\\s\\p{Z}_-]");

    private Hashtags() {
    }

    /**
     * True when {@code #hashtag} occurs in the text as a whole word, ignoring case: not glued to a
     * preceding word character ({@code foo#meme15}) nor followed by one ({@code #meme150}).
     *
     * @param hashtag without '#'
     */
    public static boolean inText(String text, String hashtag) {
        String tag = bare(hashtag);
        if (text == null || tag.isEmpty()) {
            return false;
        }
        return Pattern.compile("(?<!" + WORD_CHAR + ")#" + Pattern.quote(tag) + "(?!" + WORD_CHAR + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    /** True when a category equals the hashtag once case, '#', whitespace, '-' and '_' are ignored. */
    public static boolean inCategories(List<String> categories, String hashtag) {
        String tag = categoryKey(hashtag);
        return !tag.isEmpty() && categories != null
                && categories.stream().anyMatch(category -> tag.equals(categoryKey(category)));
    }

    private static String bare(String hashtag) {
        return hashtag == null ? "" : hashtag.strip().replaceFirst("^#+", "");
    }

    private static String categoryKey(String s) {
        return s == null ? "" : CATEGORY_NOISE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
