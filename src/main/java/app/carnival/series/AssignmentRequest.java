package app.carnival.series;

import app.carnival.matching.MatchRule;
import app.carnival.url.HttpUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of POST and PUT on assignments (PATCH is merged into the current state, then checked as this).
 *
 * @param number        optional on POST: the next free number is used
 * @param title         optional while the assignment has not opened (planned ahead with a guest host)
 * @param invitationUrl optional while the assignment has not opened; without it no link-back can match
 * @param timezone      IANA zone the window is shown in, default UTC
 * @param guestHost     the blogger hosting this edition, when it is not the series' host
 */
public record AssignmentRequest(
        @Positive @Max(100_000) Integer number,
        @Size(max = 300) String title,
        @HttpUrl String invitationUrl,
        @Size(max = 20) List<@NotBlank @HttpUrl String> aliasUrls,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> questions,
        @NotNull OffsetDateTime opensAt,
        @NotNull OffsetDateTime closesAt,
        @Size(max = 64) String timezone,
        @PositiveOrZero @Max(43_200) Integer graceMinutes,
        MatchRule matchRule,

        @Size(max = 64) @Pattern(regexp = "^#?[A-Za-z0-9_]+$", message = "must be letters, digits or underscores")
        String hashtag,

        @Size(max = 10_000) String roundupIntro,
        @Valid GuestHost guestHost) {

    /** A guest host: who hosts one edition of the series (host rotation). */
    public record GuestHost(
            @NotBlank @Size(max = 200) String name,
            @Schema(nullable = true) @HttpUrl String blogUrl) {}
}
