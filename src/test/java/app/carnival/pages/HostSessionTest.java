package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.security.Caller;
import app.carnival.security.Tokens;
import app.carnival.series.Series;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class HostSessionTest {

    @Test
    void csrfTokenIsTiedToTheHostTokenAndComparedExactly() {
        String token = Tokens.newToken();
        Caller host = Caller.withToken(token);
        String csrf = HostSession.csrfToken(host);
        assertThat(csrf).isNotEqualTo(token).isEqualTo(HostSession.csrfToken(Caller.withToken(token)));
        assertThat(HostSession.csrfMatches(host, csrf)).isTrue();
        assertThat(HostSession.csrfMatches(host, csrf + "x")).isFalse();
        assertThat(HostSession.csrfMatches(host, null)).isFalse();
        assertThat(HostSession.csrfMatches(Caller.withToken(Tokens.newToken()), csrf))
                .isFalse();
        assertThat(HostSession.csrfMatches(Caller.anonymous(), csrf)).isFalse();
    }

    @Test
    void onlyTheSeriesHostTokenIsASession() {
        Series series = new Series();
        String token = Tokens.newToken();
        series.hostTokenHash = Tokens.hash(token);
        assertThat(HostSession.isHost(series, Caller.withToken(token))).isTrue();
        assertThat(HostSession.isHost(series, Caller.withToken(Tokens.newToken())))
                .isFalse();
        assertThat(HostSession.isHost(series, Caller.anonymous())).isFalse();
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
