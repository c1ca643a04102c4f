package org.citygrants.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error answer of {@code /api/**}: the HTTP status, a message a person can read
 * and, for refused input, the request field it names.
 */
@Schema(name = "ApiError", description = "Error answer of the application's API.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
    @Schema(description = "HTTP status code", example = "400") int status,
    @Schema(description = "HTTP reason phrase", example = "Bad Request") String error,
    @Schema(description = "What went wrong, readable as is", example = "Say why the grant is stopped.") String message,
    @Schema(description = "The request field the refusal names (only for refused input)", example = "reason",
        nullable = true) String field,
    @Schema(description = "The request path", example = "/api/grants/LYON-2026/early-stop") String path) {
}
