package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.errors.Forbidden;
import app.carnival.security.Tokens;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

class FormGuardTest {

    @Test
    void aNewBrowserGetsARandomValueInAStrictHttpOnlyCookieForTheWholeSite() {
        FormGuard.Issued issued = FormGuard.issue(null, true);
        NewCookie cookie = issued.cookie();
        assertThat(cookie.getName()).isEqualTo(FormGuard.COOKIE);
        assertThat(cookie.getValue()).isEqualTo(issued.value()).hasSize(43);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(FormGuard.issue(null, false).value()).isNotEqualTo(issued.value());
    }

    @Test
    void aBrowserKeepsItsValueSoSeveralTabsWorkButAMalformedOneIsReplaced() {
        String held = Tokens.newToken();
        assertThat(FormGuard.issue(held, false).value()).isEqualTo(held);
        assertThat(FormGuard.issue("short", false).value()).isNotEqualTo("short");
        assertThat(FormGuard.issue(held + "\"; Path=/", false).value()).hasSize(43);
    }

    @Test
    void theFormMustEchoTheCookie() {
        String held = Tokens.newToken();
        FormGuard.check(held, held);
        for (String[] pair : new String[][] {
            {held, null},
            {null, held},
            {held, held + "x"},
            {held, Tokens.newToken()},
            {null, null},
            {"", ""},
            {"a", "a"}
        }) {
            assertThatThrownBy(() -> FormGuard.check(pair[0], pair[1]))
                    .as("cookie %s, field %s", pair[0], pair[1])
                    .isInstanceOf(Forbidden.class);
        }
    }
}
