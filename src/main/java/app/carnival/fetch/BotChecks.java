package app.carnival.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Recognises an answer that is a bot check (a JavaScript challenge or a captcha page) rather than what
 * was asked for: Cloudflare says so in its {@code cf-mitigated: challenge} header; the others are known by
 * the page they send. A feed poller cannot pass such a check, so the feed's error should say what happened.
 */
final class BotChecks {

    /** How much of an error page is read to recognise one. */
    static final int PREFIX_BYTES = 32 * 1024;

    private record Marker(String text, String who) {}

    /** Lower-case text found in the challenge pages of each service. */
    private static final List<Marker> MARKERS = List.of(
            new Marker("/cdn-cgi/challenge-platform/", "Cloudflare"),
            new Marker("cf-browser-verification", "Cloudflare"),
            new Marker("<title>just a moment...</title>", "Cloudflare"),
            new Marker("<title>attention required! | cloudflare</title>", "Cloudflare"),
            new Marker("ddos-guard", "DDoS-Guard"),
            new Marker("_incapsula_resource", "Imperva"),
            new Marker("sucuri website firewall", "Sucuri"),
            new Marker("/.well-known/sgcaptcha/", "SiteGround"),
            new Marker("vercel security checkpoint", "Vercel"),
            new Marker("checking your browser before accessing", "a bot check"));

    private BotChecks() {}

    /** Whether an answer of this status and type may be a challenge page worth reading the start of. */
    static boolean worthReading(int status, String contentType) {
        return (status == 403 || status == 429 || status == 503) && isHtml(contentType);
    }

    /**
     * Who asks for the bot check ("Cloudflare", …, or "a bot check" when only its words say so), or null
     * when the answer is not one.
     */
    static String recognise(String cfMitigated, String contentType, byte[] body) {
        if (cfMitigated != null && cfMitigated.trim().equalsIgnoreCase("challenge")) {
            return "Cloudflare";
        }
        if (!isHtml(contentType) || body.length == 0) {
            return null;
        }
        String start = new String(body, 0, Math.min(body.length, PREFIX_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (Marker marker : MARKERS) {
            if (start.contains(marker.text())) {
                return marker.who();
            }
        }
        return null;
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }
}
