package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.grant.change.GrantChange;
import org.citygrants.grant.change.GrantChanges;
import org.citygrants.grant.change.GrantChanges.ChangeRequest;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to a running grant (grant.change): amendments, budget moves, a city's request to stop,
 * and the grant's change history. Who asks is the signed-in person; what they are to the grant
 * (city team, coach, programme officer) comes from the grant's record and their groups.
 */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants", description = "One city grant: its ring-fenced capital and the early stop")
public class GrantChangeController {

  /** An amendment: any of the three, with a reason. */
  public record AmendmentRequest(
      @Schema(description = "The new awarded amount in euros (within the programme's cap, not below what is paid, "
          + "promised or committed)", example = "45000") String amount,
      @Schema(description = "The new programme duration, ISO-8601 months", example = "P15M") String programmeDuration,
      @Schema(description = "The new objective: impact or learning", example = "impact") String objective,
      @Schema(description = "Why (the people who decide and the city team read it)", example = "The second experiment needs sensors.")
      String reason) {}

  /** A move of money between two budget lines. */
  public record BudgetMoveRequest(
      @Schema(description = "The line the money leaves", example = "experiments") String fromLine,
      @Schema(description = "The line it goes to", example = "learning-activities") String toLine,
      @Schema(description = "How much, in euros", example = "2000") String amount,
      @Schema(description = "Why", example = "A study visit to Kigali's team.") String reason) {}

  /** A city's (or its coach's) request to stop the grant early. */
  public record StopRequest(@Schema(description = "Why", example = "The municipal council ended the project.") String reason) {}

  /** A change and what became of it. */
  public record ChangeResponse(
      long id, String grantReference,
      @Schema(description = "amendment, budget-move or stop") String kind,
      @Schema(description = "What is asked, in the reader's language") String summary,
      String reason,
      @Schema(description = "city, coach or officer") String requestedAs,
      @Schema(description = "Who asked (name)") String requestedBy,
      Instant requestedAt,
      @Schema(description = "open (waits for a decision), applied or refused") String status,
      @Schema(description = "The status in the reader's language") String statusLabel,
      @Schema(nullable = true) String decidedBy,
      @Schema(nullable = true) String approvedBy,
      @Schema(nullable = true) String note,
      @Schema(nullable = true) Instant closedAt,
      @Schema(nullable = true, example = "40000.00") String previousAmount,
      @Schema(nullable = true, example = "45000.00") String newAmount,
      @Schema(nullable = true) String previousDuration, @Schema(nullable = true) String newDuration,
      @Schema(nullable = true) String previousObjective, @Schema(nullable = true) String newObjective,
      @Schema(nullable = true) String fromLine, @Schema(nullable = true) String toLine,
      @Schema(nullable = true, example = "2000.00") String moveAmount) {}

  private static final String CONFLICT = """
      {"status": 409, "error": "Conflict", "message": "A change of grant LYON-2026 waits for a decision already (Amendment, asked on Monday 1 March 2027): it is decided first.",
       "path": "/api/grants/LYON-2026/amendments"}""";

  private final GrantChanges changes;
  private final GrantRegister register;
  private final GrantAccess access;

  public GrantChangeController(GrantChanges changes, GrantRegister register, GrantAccess access) {
    this.changes = changes;
    this.register = register;
    this.access = access;
  }

  @PostMapping("/{reference}/amendments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Amend a grant, or ask for an amendment",
      description = """
          Changes the awarded amount (within the programme's cap, never below what is paid, promised or \
          committed; the difference is split over the budget lines as the award was), the programme \
          duration (the programme's end moves with it) or the objective, with a reason. A programme \
          officer's amendment that lowers or keeps the award is applied at once; one that raises it \
          waits for a second officer's approval (a task, four eyes). The city team or the coach asks: \
          a programme officer decides (a task), a rise then needs the second officer. The city team \
          is told the outcome and sees the history on the grant's page.""")
  @ApiResponse(responseCode = "201", description = "The change, applied or waiting")
  @ApiResponse(responseCode = "400", description = "Refused input naming the field, nothing changed",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Neither the grant's city team, nor its coach, nor a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "The grant is paused, not running, or a change of it waits already",
      content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(value = CONFLICT)))
  public ChangeResponse amend(
      @Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @RequestBody(required = false) AmendmentRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    AmendmentRequest r = request == null ? new AmendmentRequest(null, null, null, null) : request;
    return response(changes.request(access.userId(authentication), reference, new ChangeRequest(GrantChange.AMENDMENT,
        r.amount(), r.programmeDuration(), r.objective(), null, null, null, r.reason())));
  }

  @PostMapping("/{reference}/budget-moves")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask to move money between budget lines",
      description = """
          The city team asks to move money from one budget line to another (experiments, \
          learning-activities, committee, coaching), at most what the first line has left (allocated \
          minus committed), with a reason. Its coach agrees (a task), then a programme officer approves \
          (a task); the ledger records the move. A coach's request goes straight to the officer; a \
          programme officer's move is applied at once.""")
  @ApiResponse(responseCode = "201", description = "The change, waiting or applied")
  @ApiResponse(responseCode = "400", description = "Refused input naming the field, nothing changed",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Neither the grant's city team, nor its coach, nor a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "The grant is paused, not running, or a change of it waits already",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ChangeResponse move(
      @Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @RequestBody(required = false) BudgetMoveRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    BudgetMoveRequest r = request == null ? new BudgetMoveRequest(null, null, null, null) : request;
    return response(changes.request(access.userId(authentication), reference, new ChangeRequest(GrantChange.BUDGET_MOVE,
        null, null, null, r.fromLine(), r.toLine(), r.amount(), r.reason())));
  }

  @PostMapping("/{reference}/stop-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask to stop the grant early (city team or coach)",
      description = """
          The city team or its coach asks the programme to stop the grant, with a reason; a programme \
          officer decides (a task). Accepted, the grant stops as with the officer's early stop: open \
          work is cancelled, money set aside released, and the grant goes to settlement.""")
  @ApiResponse(responseCode = "201", description = "The request, waiting for an officer")
  @ApiResponse(responseCode = "400", description = "Refused input naming the field (an officer uses the early stop)",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Neither the grant's city team nor its coach",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "The grant is paused, not running, or a change of it waits already",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ChangeResponse askToStop(
      @Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @RequestBody(required = false) StopRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    return response(changes.request(access.userId(authentication), reference, new ChangeRequest(GrantChange.STOP,
        null, null, null, null, null, null, request == null ? null : request.reason())));
  }

  @GetMapping("/{reference}/changes")
  @Operation(summary = "The grant's changes",
      description = "Every change asked of the grant, oldest first: what, why, who asked, who decided, what became of it. "
          + "For those who read the grant in full: its city team, its coach, programme staff.")
  @ApiResponse(responseCode = "200", description = "The changes",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = ChangeResponse.class))))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a reader of this grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "No such grant", content = @Content(schema = @Schema(implementation = ApiError.class)))
  public List<ChangeResponse> history(
      @Parameter(example = GrantController.EXAMPLE_REFERENCE) @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    GrantRecord grant = register.find(reference)
        .orElseThrow(() -> ApiException.notFound(Words.say("api.unknownGrant", reference)));
    access.requireStatementAccess(access.userId(authentication), reference, grant.cityCode(), grant.coach());
    return changes.history(reference).stream().map(this::response).toList();
  }

  private ChangeResponse response(GrantChange c) {
    Locale language = ReaderLanguage.current();
    return new ChangeResponse(c.id(), c.grantReference(), c.kind(), changes.summary(c, language), c.reason(),
        c.requestedAs(), changes.nameOf(c.requestedBy()), c.requestedAt(), c.status(),
        Words.say(language, "change.status." + c.status()), changes.nameOf(c.decidedBy()),
        changes.nameOf(c.approvedBy()), c.decisionNote(), c.closedAt(), Amounts.of(c.previousAmount()),
        Amounts.of(c.newAmount()), c.previousDuration(), c.newDuration(), c.previousObjective(), c.newObjective(),
        c.fromLine(), c.toLine(), Amounts.of(c.moveAmount()));
  }
}
