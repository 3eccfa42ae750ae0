package app.carnival.series;

import java.text.Normalizer;
import java.util.Locale;

/** A series' slug made from its title: "Tabs & Spaces, Über Alles!" → "tabs-spaces-uber-alles". */
public final class Slugs {

    /** As {@link SeriesRequest} allows. */
    public static final int MAX_LENGTH = 64;

    private Slugs() {}

    /** The slug a title suggests; empty when the title has no letter or digit of the Latin alphabet. */
    public static String fromTitle(String title) {
        if (title == null) {
            return "";
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "") // accents go, their letters stay
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        String cut = plain.substring(0, MAX_LENGTH);
        if (plain.charAt(MAX_LENGTH) == '-') {
            return cut; // a whole word ends there
        }
        int lastHyphen = cut.lastIndexOf('-');
        return (lastHyphen > 0 ? cut.substring(0, lastHyphen) : cut).replaceAll("-$", "");
    }
}
