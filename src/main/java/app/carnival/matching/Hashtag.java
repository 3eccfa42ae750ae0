package app.carnival.matching;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One hashtag's evidence tests (SPEC "Matching", Hashtag), prepared once per assignment: the
 * whole-word pattern compiled, the category spelling reduced, rather than again for every post.
 */
public final class Hashtag {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    /** What a category spelling may differ in: case aside, '#', whitespace, '-' and '_'. */
    private static final Pattern CATEGORY_NOISE = Pattern.compile("[#\\s\\p{Z}_-]");

    /** Null for an empty hashtag, which nothing matches. */
    private final Pattern inText;

    private final String categoryKey;

    private Hashtag(Pattern inText, String categoryKey) {
        this.inText = inText;
        this.categoryKey = categoryKey;
    }

    /** @param hashtag with or without leading '#'; null or blank matches nothing */
    public static Hashtag of(String hashtag) {
        String tag = hashtag == null ? "" : hashtag.strip().replaceFirst("^#+", "");
        Pattern pattern = tag.isEmpty()
                ? null
                : Pattern.compile(
                        "(?<!" + WORD_CHAR + ")#" + Pattern.quote(tag) + "(?!" + WORD_CHAR + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Hashtag(pattern, categoryKey(hashtag));
    }

    /**
     * True when {@code #hashtag} occurs in the text as a whole word, ignoring case: not glued to a
     * preceding word character ({@code foo#meme15}) nor followed by one ({@code #meme150}).
     */
    public boolean inText(String text) {
        // Most posts have no '#' at all: the scan is far cheaper than the pattern's lookbehind at every position.
        return text != null
                && inText != null
                && text.indexOf('#') >= 0
                && inText.matcher(text).find();
    }

    /** True when a category equals the hashtag once case, '#', whitespace, '-' and '_' are ignored. */
    public boolean inCategories(List<String> categories) {
        return !categoryKey.isEmpty()
                && categories != null
                && categories.stream().anyMatch(category -> categoryKey.equals(categoryKey(category)));
    }

    private static String categoryKey(String s) {
        return s == null
                ? ""
                : CATEGORY_NOISE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
