package app.carnival.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.carnival.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Without an SMTP server (every test instance has one, GreenMail), the registration form offers no
 * reminders: the template rendered as the page renders it when {@code carnival.mail.smtp-host} is unset.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RegisterFormWithoutMailTest {

    static Views.RegisterForm form(boolean mail) {
        return new Views.RegisterForm(
                "s",
                "Series",
                "tag",
                "",
                "",
                "",
                "",
                "UTC",
                Map.of(),
                null,
                mail,
                mail ? List.of("UTC") : List.of(),
                false);
    }

    @Test
    void withoutMailNoAddressNoZoneNoScript() {
        Document page = Jsoup.parse(SeriesPages.Templates.register(form(false)).render());
        assertThat(page.select("form input[name=name]")).hasSize(1);
        assertThat(page.select("#email, [name=email], #timeZone, [name=timeZone]"))
                .isEmpty();
        assertThat(page.select("script[src=/static/zone.js]")).isEmpty();
        assertThat(page.text()).doesNotContain("mail");
    }

    @Test
    void withMailTheFieldsAreThere() {
        Document page = Jsoup.parse(SeriesPages.Templates.register(form(true)).render());
        assertThat(page.select("input#email[name=email]")).hasSize(1);
        assertThat(page.select("select#timeZone option")).hasSize(1);
    }
}
