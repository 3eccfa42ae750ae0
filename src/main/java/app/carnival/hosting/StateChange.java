package app.carnival.hosting;

import jakarta.validation.constraints.NotNull;
import app.carnival.response.Response;

/** Body of {@code PATCH …/responses/{id}}: {@code HIDDEN} hides; {@code AUTO} (or {@code MANUAL}) restores. */
public record StateChange(@NotNull Response.State state) {
}
