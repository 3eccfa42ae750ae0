package app.carnival.series;

import app.carnival.url.HttpUrl;
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

        /** Publish each round-up by itself when its grace period ends (Webmentions go out then); false when absent. */
        Boolean autoPublish) {}
