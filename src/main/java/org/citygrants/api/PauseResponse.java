package org.citygrants.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.citygrants.grant.pause.Pause;
import org.citygrants.language.Words;

/** One pause of a grant as the API answers it (after a pause, after a resume). */
@Schema(name = "Pause", description = "A pause of a grant: who paused it, when and why; once resumed, who resumed it "
    + "and how far the grant's timers, task due dates and deadlines moved")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PauseResponse(
    @Schema(example = "LYON-2026") String grantReference,
    @Schema(description = "Whether the grant is paused now") boolean paused,
    Instant pausedAt,
    @Schema(example = "officer") String pausedBy,
    @Schema(example = "elections") String reason,
    @Schema(description = "The reason in the reader's words", example = "Elections") String reasonLabel,
    String note,
    @Schema(example = "2027-04-15") LocalDate expectedResume,
    Instant resumedAt,
    String resumedBy,
    @Schema(description = "How far the grant moved at the resume: the paused time (ISO-8601)", example = "PT720H")
    String moved,
    @Schema(description = "Timers of the grant moved at the resume") Integer timersMoved,
    @Schema(description = "Open tasks whose due date moved at the resume") Integer tasksMoved,
    @Schema(description = "The grant's page", example = "/grants/LYON-2026") String page) {

  static PauseResponse of(Pause pause, Integer timers, Integer tasks) {
    return new PauseResponse(pause.grantReference(), pause.open(), pause.pausedAt(), pause.pausedBy(), pause.reason(),
        Words.say("pause.reason." + pause.reason()), pause.note(), pause.expectedResume(), pause.resumedAt(),
        pause.resumedBy(), pause.moved() == null ? null : pause.moved().toString(), timers, tasks,
        "/grants/" + pause.grantReference());
  }
}
