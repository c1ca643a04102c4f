package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.pause.GrantPauses;
import org.citygrants.grant.pause.Pause;
import org.citygrants.language.Words;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A programme officer pauses a grant whose city must go silent for a while, and resumes it (grant.pause). */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants", description = "One city grant: its ring-fenced capital and the early stop")
public class GrantPauseController {

  private static final String CONFLICT_EXAMPLE = """
      {"status": 409, "error": "Conflict", "message": "Grant LYON-2026 is paused already, since Monday 1 March 2027: resume it first.",
       "path": "/api/grants/LYON-2026/pause"}""";

  private final GrantPauses pauses;
  private final GrantRegister register;
  private final GrantAccess access;

  public GrantPauseController(GrantPauses pauses, GrantRegister register, GrantAccess access) {
    this.pauses = pauses;
    this.register = register;
    this.access = access;
  }

  @PostMapping("/{reference}/pause")
  @Operation(summary = "Pause a grant (programme officers)",
      description = """
          A programme officer pauses a grant whose city has to go silent for a while (elections, a \
          disaster, the team gone...), as the signed-in user: the grant's process instances and the \
          payments or settlement they called are suspended, so none of its timers fires, its tasks \
          cannot be completed and get no reminder or overdue digest. The city and its coach see \
          "paused" and why on the grant's page and in the cohort view. Resume with \
          POST /api/grants/{reference}/resume; a pause still open after its expected day reminds the \
          officer once.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PauseRequest.class),
      examples = @ExampleObject(value = "{\"reason\": \"elections\", \"note\": \"Municipal elections on 14 March.\", "
          + "\"expectedResume\": \"2027-04-15\"}")))
  @ApiResponse(responseCode = "200", description = "The grant is paused",
      content = @Content(schema = @Schema(implementation = PauseResponse.class)))
  @ApiResponse(responseCode = "400", description = """
      Refused input, naming the field, nothing changed: `reason` missing or not one of the four, \
      `note` missing with reason other or too long, `expectedResume` missing, not a day, not after \
      today or more than two years ahead, or a body that is not JSON""",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "The grant is paused already, or no longer running",
      content = @Content(schema = @Schema(implementation = ApiError.class),
          examples = @ExampleObject(value = CONFLICT_EXAMPLE)))
  public PauseResponse pause(
      @Parameter(description = "Grant reference (the process business key)", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @RequestBody(required = false) PauseRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    requireGrant(reference);
    Pause pause = pauses.pause(user, reference, request == null ? null : request.reason(),
        request == null ? null : request.note(), request == null ? null : request.expectedResume());
    return PauseResponse.of(pause, null, null);
  }

  @PostMapping("/{reference}/resume")
  @Operation(summary = "Resume a paused grant (programme officers)",
      description = """
          A programme officer resumes a paused grant, as the signed-in user (not necessarily the one \
          who paused it): every timer of the grant and of what it called, the due date of each open \
          task, and the grant's deadlines (preparation deadline, programme end, the experiment's \
          half-way and end, the committee's next check), hence its indicative payment calendar, move \
          by exactly the paused time; then the grant runs again. The pause stays in the grant's \
          history: from, to, why, who.""")
  @ApiResponse(responseCode = "200", description = "The grant runs again; what moved and by how much",
      content = @Content(schema = @Schema(implementation = PauseResponse.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "The grant is not paused",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public PauseResponse resume(
      @Parameter(description = "Grant reference (the process business key)", example = GrantController.EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    requireGrant(reference);
    GrantPauses.Resumed resumed = pauses.resume(user, reference);
    return PauseResponse.of(resumed.pause(), resumed.timersMoved(), resumed.tasksMoved());
  }

  private void requireGrant(String reference) {
    if (register.find(reference).isEmpty()) {
      throw ApiException.notFound(Words.say("api.unknownGrant", reference));
    }
  }
}
