package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/grants/{reference}/early-stop}. */
@Schema(name = "EarlyStopRequest", description = "Why a programme officer stops the grant")
public record EarlyStopRequest(
    @Schema(description = "Why the grant is stopped; kept in the process history and the ledger journal",
        requiredMode = Schema.RequiredMode.REQUIRED,
        example = "The council withdrew its support for the schoolyards.") String reason) {
}
