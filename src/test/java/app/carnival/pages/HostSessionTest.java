package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.security.Tokens;
import app.carnival.series.Series;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class HostSessionTest {

    @Test
    void csrfTokenIsTiedToTheHostTokenAndComparedExactly() {
        String token = Tokens.newToken();
        String csrf = HostSession.csrfToken(token);
        assertThat(csrf).isNotEqualTo(token).isEqualTo(HostSession.csrfToken(token));
        assertThat(HostSession.csrfMatches(token, csrf)).isTrue();
        assertThat(HostSession.csrfMatches(token, csrf + "x")).isFalse();
        assertThat(HostSession.csrfMatches(token, null)).isFalse();
        assertThat(HostSession.csrfMatches(Tokens.newToken(), csrf)).isFalse();
    }

    @Test
    void onlyTheSeriesHostTokenIsASession() {
        Series series = new Series();
        String token = Tokens.newToken();
        series.hostTokenHash = Tokens.hash(token);
        assertThat(HostSession.verifiedToken(series, token)).isEqualTo(token);
        assertThat(HostSession.verifiedToken(series, Tokens.newToken())).isNull();
        assertThat(HostSession.verifiedToken(series, null)).isNull();
    }

    @Test
    void theCookieIsHttpOnlyStrictAndScopedToTheSeries() {
        NewCookie cookie = HostSession.login("meme15", "t", true);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.getPath()).isEqualTo("/series/meme15");
        assertThat(HostSession.logout("meme15", false).getMaxAge()).isZero();
    }
}
