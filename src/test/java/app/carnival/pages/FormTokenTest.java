package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.errors.Forbidden;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class FormTokenTest {

    @Test
    void aBrowserKeepsItsTokenAndANewOneGetsARandomOne() {
        String first = FormToken.of(null);
        assertThat(first).hasSize(43);
        assertThat(FormToken.of(first)).isEqualTo(first);
        assertThat(FormToken.of(null)).isNotEqualTo(first);
        assertThat(FormToken.of("chosen-by-someone-else")).hasSize(43).isNotEqualTo("chosen-by-someone-else");
    }

    @Test
    void theFieldMustCarryTheCookiesValue() {
        String token = FormToken.of(null);
        assertThatCode(() -> FormToken.require(token, token)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FormToken.require(token, token + "x")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> FormToken.require(token, null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> FormToken.require(null, token)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> FormToken.require("", "")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> FormToken.require(token, FormToken.of(null))).isInstanceOf(Forbidden.class);
    }

    @Test
    void theCookieIsHttpOnlyStrictAndForTheWholeSite() {
        NewCookie cookie = FormToken.cookie(FormToken.of(null), true);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(FormToken.cookie(FormToken.of(null), false).isSecure()).isFalse();
    }
}
