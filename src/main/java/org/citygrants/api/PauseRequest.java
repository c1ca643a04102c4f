package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/grants/{reference}/pause}. */
@Schema(name = "PauseRequest", description = "Why a programme officer pauses the grant, and when it is expected to resume")
public record PauseRequest(
    @Schema(description = "Why: elections, disaster (floods, an epidemic, unrest...), staff (the city team is gone) or other",
        requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"elections", "disaster", "staff", "other"},
        example = "elections") String reason,
    @Schema(description = "The officer's words (required with reason other; at most 2,000 characters)",
        example = "Municipal elections on 14 March; the new council confirms the team in April.") String note,
    @Schema(description = "The day the grant is expected to resume (yyyy-mm-dd), after today and within two years; "
        + "the officer is reminded once when it passes", requiredMode = Schema.RequiredMode.REQUIRED,
        example = "2027-04-15") String expectedResume) {
}
