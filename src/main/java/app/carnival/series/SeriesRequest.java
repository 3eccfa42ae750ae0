package app.carnival.series;

import app.carnival.url.HttpUrl;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/series}. */
public record SeriesRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(
                regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case letters, digits and single hyphens, e.g. 'meme15'")
        String slug,

        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,

        @NotBlank
        @Size(max = 64)
        @Pattern(
                regexp = "^#?[A-Za-z0-9_]+$",
                message = "must be letters, digits or underscores, with or without a leading #")
        String hashtag,

        @HttpUrl String homeUrl,

        /** What becomes of a verified intake candidate from an unknown blog; {@code REVIEW} when absent. */
        Series.IntakePolicy intakePolicy,

        /** Whether new registrations are polled at once ({@code OPEN}, when absent) or wait for the host ({@code REVIEW}). */
        Series.RegistrationPolicy registrationPolicy,

        /** Publish each round-up by itself when its grace period ends (Webmentions go out then); false when absent. */
        Boolean autoPublish,

        /** Days before each deadline the participants' reminders go out (0–30); 2 when absent. */
        @Min(0) @Max(30) Integer reminderDays,

        /** The host's address for the digest of failing feeds; never shown publicly. Only when mail is on. */
        @Size(max = 254)
        @Email(
                regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                message = "must be an e-mail address such as name@example.org")
        String hostEmail) {

    /** The reminder days when none are given. */
    public static final int DEFAULT_REMINDER_DAYS = 2;
}
