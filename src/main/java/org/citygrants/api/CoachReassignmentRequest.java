package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PUT /api/grants/{reference}/coach}. */
@Schema(name = "CoachReassignmentRequest", description = "The coach who takes over the grant")
public record CoachReassignmentRequest(
    @Schema(description = "User id of a member of the group 'coaches'", requiredMode = Schema.RequiredMode.REQUIRED,
        example = "coach2") String coach) {
}
