package app.carnival.roundup;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PATCH …/responses/{id}}: {@code HIDDEN} hides; {@code AUTO} (or {@code MANUAL}) restores. */
public record StateChange(@NotNull Response.State state) {
}
