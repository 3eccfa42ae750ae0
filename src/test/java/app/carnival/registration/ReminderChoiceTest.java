package app.carnival.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carnival.errors.InvalidInput;
import org.junit.jupiter.api.Test;

class ReminderChoiceTest {

    @Test
    void withoutAnSmtpServerAnAddressIsRefusedAtItsField() {
        assertThatThrownBy(() -> ReminderChoice.of("ann@example.org", "Europe/Paris", false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new InvalidInput.FieldError("email", ReminderChoice.NO_MAIL)));
    }

    @Test
    void withoutAnSmtpServerNoAddressIsFine() {
        assertThat(ReminderChoice.of(" ", null, false)).isEqualTo(new ReminderChoice(null, "UTC"));
    }

    @Test
    void notAnAddressIsRefusedAtItsField() {
        for (String bad : new String[] {"jo", "jo@", "@example.org", "jo@example", "jo at example.org", "a@b@c.org"}) {
            assertThatThrownBy(() -> ReminderChoice.of(bad, "UTC", true))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(
                                            new InvalidInput.FieldError("email", ReminderChoice.NOT_AN_ADDRESS)));
        }
    }

    @Test
    void anUnknownZoneIsRefusedAtItsField() {
        assertThatThrownBy(() -> ReminderChoice.of("ann@example.org", "Mars/Olympus", true))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(InvalidInput.FieldError::field)
                                .containsExactly("timeZone"));
    }

    @Test
    void theDomainIsLowerCasedTheLocalPartKept() {
        assertThat(ReminderChoice.of(" Ann.Lee@Example.ORG ", "Asia/Tokyo", true))
                .isEqualTo(new ReminderChoice("Ann.Lee@example.org", "Asia/Tokyo"));
    }
}
