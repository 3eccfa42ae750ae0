package app.carnival.hosting;

import app.carnival.response.Response;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PATCH …/responses/{id}}: {@code HIDDEN} hides; {@code AUTO} (or {@code MANUAL}) restores. */
public record StateChange(@NotNull Response.State state) {}
