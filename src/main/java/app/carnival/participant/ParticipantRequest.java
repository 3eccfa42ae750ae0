package app.carnival.participant;

import app.carnival.url.HttpUrl;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/series/{slug}/participants}.
 *
 * @param email    where deadline reminders and "you are in the round-up" mails go (optional; only
 *                 when the instance sends mail); never shown anywhere
 * @param timeZone the participant's IANA time zone, for the reminders' local time (default: UTC)
 */
public record ParticipantRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @HttpUrl String blogUrl,
        @HttpUrl String feedUrl,
        @HttpUrl String avatarUrl,

        @Schema(format = "email", description = "For deadline reminders; never shown")
        @Size(max = 254)
        @Email(regexp = EMAIL, message = "must be an e-mail address such as name@example.org")
        String email,

        @Schema(description = "IANA time zone of the reminders, e.g. Europe/Paris; default UTC") @Size(max = 64)
        String timeZone) {

    /** One @, something on each side, a dot in the domain, no spaces: what a mail can be sent to. */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    public ParticipantRequest(String name, String blogUrl, String feedUrl, String avatarUrl) {
        this(name, blogUrl, feedUrl, avatarUrl, null, null);
    }

    /** Whether an address was given. */
    public boolean wantsMail() {
        return email != null && !email.isBlank();
    }
}
