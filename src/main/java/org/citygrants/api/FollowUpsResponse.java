package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What the cities said, months after their grant, about what continued. */
@Schema(description = "The cities' follow-up answers, one row per grant that answered")
public record FollowUpsResponse(Instant generatedAt, List<Row> rows) {

  @Schema(name = "FollowUpRow")
  public record Row(
      @Schema(example = "LYON-2026") String grantReference,
      @Schema(example = "Lyon") String cityName,
      @Schema(description = "Owner named in the transition plan", example = "Lyon innovation team") String transitionOwner,
      @Schema(description = "Next experiments planned in the transition plan") String nextExperiments,
      @Schema(description = "The city's answer: does it still experiment this way, what continued, what did not")
      String whatContinued,
      @Schema(description = "When the city answered") Instant answeredAt) {}
}
