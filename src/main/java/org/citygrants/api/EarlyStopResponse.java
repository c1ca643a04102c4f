package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Answer of an accepted early stop: the stop runs on in the engine (cancellations, settlement). */
@Schema(name = "EarlyStopAccepted", description = "The early stop was accepted: open work is cancelled, commitments "
    + "released and the grant goes to settlement (a final balance, a recovery of unspent money, or closing at once).")
public record EarlyStopResponse(
    @Schema(example = "LYON-2026") String grantReference,
    @Schema(example = "officer") String stoppedBy,
    @Schema(example = "The council withdrew its support for the schoolyards.") String reason,
    @Schema(description = "Where to follow the settlement", example = "/api/grants/LYON-2026/statement")
    String statement) {
}
