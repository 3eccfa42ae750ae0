package app.carnival.participant;

import app.carnival.url.HttpUrl;
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

        @Schema(description = "An e-mail address for deadline reminders (422 when it is not one); never shown")
        String email,

        @Schema(
                description =
                        "IANA time zone of the reminders, e.g. Europe/Paris (422 when it is not one); default UTC")
        String timeZone) {

    public ParticipantRequest(String name, String blogUrl, String feedUrl, String avatarUrl) {
        this(name, blogUrl, feedUrl, avatarUrl, null, null);
    }

    /** Whether an address was given. */
    public boolean wantsMail() {
        return email != null && !email.isBlank();
    }
}
