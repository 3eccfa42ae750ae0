package app.carnival.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotChecksTest {

    static byte[] page(String html) {
        return html.getBytes(UTF_8);
    }

    @Test
    void cloudflareSaysSoInAHeaderWhateverTheBody() {
        assertThat(BotChecks.recognise("challenge", null, new byte[0])).isEqualTo("Cloudflare");
        assertThat(BotChecks.recognise(" Challenge ", "text/html", page("<p>hi</p>")))
                .isEqualTo("Cloudflare");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<!DOCTYPE html><html><head><title>Just a moment...</title>|Cloudflare",
                "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script>|Cloudflare",
                "<title>DDoS-Guard</title>|DDoS-Guard",
                "<script src=\"/_Incapsula_Resource?SWJIYLWA=5074a7\"></script>|Imperva",
                "<title>Sucuri WebSite Firewall - Access Denied</title>|Sucuri",
                "<meta http-equiv=\"refresh\" content=\"0;/.well-known/sgcaptcha/?r=%2Ffeed%2F\">|SiteGround",
                "<title>Vercel Security Checkpoint</title>|Vercel",
                "<h1>Checking your browser before accessing example.org.</h1>|a bot check"
            })
    void challengePagesAreKnownByTheirWords(String html, String who) {
        assertThat(BotChecks.recognise(null, "text/html; charset=UTF-8", page(html)))
                .isEqualTo(who);
    }

    @Test
    void anOrdinaryErrorPageOrAFeedIsNoBotCheck() {
        assertThat(BotChecks.recognise(null, "text/html", page("<title>403 Forbidden</title>")))
                .isNull();
        assertThat(BotChecks.recognise(
                        null,
                        "application/rss+xml",
                        page("<rss><channel><title>Just a moment...</title></channel></rss>")))
                .isNull();
        assertThat(BotChecks.recognise(null, null, new byte[0])).isNull();
    }

    @Test
    void onlyHtmlErrorsThatChallengesUseAreWorthReading() {
        assertThat(BotChecks.worthReading(403, "text/html")).isTrue();
        assertThat(BotChecks.worthReading(503, "text/html; charset=UTF-8")).isTrue();
        assertThat(BotChecks.worthReading(429, "text/html")).isTrue();
        assertThat(BotChecks.worthReading(404, "text/html")).isFalse();
        assertThat(BotChecks.worthReading(403, "application/json")).isFalse();
    }
}
