package app.carnival.participant;

import app.carnival.url.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/series/{slug}/participants}. */
public record ParticipantRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @HttpUrl String blogUrl,
        @HttpUrl String feedUrl,
        @HttpUrl String avatarUrl) {}
