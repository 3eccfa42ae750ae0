package app.carnival.api;

import app.carnival.web.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API's contract as {@code /q/openapi} serves it: the bearer scheme (a series' host token or a
 * participant's token) and the problem responses that operations name by {@code ref}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Carnival API", version = "1"),
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = CarnivalApi.BAD_REQUEST,
                                    responseCode = "400",
                                    description = "Malformed or invalid request",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.UNAUTHENTICATED,
                                    responseCode = "401",
                                    description = "No bearer token",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.FORBIDDEN,
                                    responseCode = "403",
                                    description = "The token does not grant this",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.NOT_FOUND,
                                    responseCode = "404",
                                    description = "No such resource",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.CONFLICT,
                                    responseCode = "409",
                                    description = "Conflicts with an existing resource",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            // The HTTP layer refuses the body before any resource runs, and says so with no body of its
                            // own.
                            @APIResponse(
                                    name = CarnivalApi.TOO_LARGE,
                                    responseCode = "413",
                                    description = "Body over 64 KiB; the answer has no body"),
                            @APIResponse(
                                    name = CarnivalApi.UNSUPPORTED,
                                    responseCode = "415",
                                    description = "Body is not JSON",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.UNPROCESSABLE,
                                    responseCode = "422",
                                    description = "Well-formed but refused",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = CarnivalApi.RATE_LIMITED,
                                    responseCode = "429",
                                    description =
                                            "Too many requests: polled too recently, or a rate limit per client address reached; see Retry-After",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class)))
                        }))
@SecurityScheme(securitySchemeName = CarnivalApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer")
public class CarnivalApi extends Application {

    public static final String BEARER = "bearer";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String TOO_LARGE = "TooLarge";
    static final String UNSUPPORTED = "UnsupportedMediaType";
    static final String UNPROCESSABLE = "Unprocessable";
    static final String RATE_LIMITED = "RateLimited";
}
