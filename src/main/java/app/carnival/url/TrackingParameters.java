package app.carnival.url;

import java.util.Locale;
import java.util.Set;

/** Query parameters added by newsletters, ad networks and social sites; they never identify a page. */
final class TrackingParameters {

    private static final Set<String> NAMES = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url");

    private TrackingParameters() {}

    /** @param name decoded parameter name */
    static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || NAMES.contains(lower);
    }
}
