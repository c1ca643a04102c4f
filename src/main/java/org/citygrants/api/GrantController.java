package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.citygrants.grant.EarlyStop;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.evidence.MovementEvidence;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.LocalSpending;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.language.Words;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One grant: its ledger statement, and the officer's early stop. */
@RestController
@RequestMapping(path = "/api/grants", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Grants", description = "One city grant: its ring-fenced capital and the early stop")
public class GrantController {

  static final String EXAMPLE_REFERENCE = "LYON-2026";

  private final LedgerService ledger;
  private final GrantRegister register;
  private final EarlyStop earlyStop;
  private final GrantAccess access;
  private final LocalSpending localSpending;
  private final MovementEvidence movementEvidence;

  public GrantController(LedgerService ledger, GrantRegister register, EarlyStop earlyStop, GrantAccess access,
      LocalSpending localSpending, MovementEvidence movementEvidence) {
    this.ledger = ledger;
    this.movementEvidence = movementEvidence;
    this.localSpending = localSpending;
    this.register = register;
    this.earlyStop = earlyStop;
    this.access = access;
  }

  @GetMapping("/{reference}/statement")
  @Operation(summary = "A grant's ledger statement",
      description = """
          The grant's figures (awarded, committed, pending payments, paid, reported spent, recovery \
          ordered, recovered, available, city float), its budget lines, payments and the journal of \
          movements, read in one consistent snapshot, with the ledger's balance check. Amounts are \
          strings with two decimals. Readable by programme officers, programme managers, finance \
          officers, the grant's coach and the members of the grant's city group (city-<code>).""")
  @ApiResponse(responseCode = "200", description = "The statement",
      content = @Content(schema = @Schema(implementation = GrantStatementResponse.class),
          examples = @ExampleObject(name = "advance paid", value = ApiExamples.STATEMENT)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff, finance, the grant's coach or its city team",
      content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(
          value = ApiExamples.FORBIDDEN_STATEMENT)))
  @ApiResponse(responseCode = "404", description = "No such grant, or the grant is not awarded yet",
      content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(
          value = ApiExamples.NOT_FOUND)))
  public GrantStatementResponse statement(
      @Parameter(description = "Grant reference (the process business key)", example = EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    Optional<GrantRecord> grant = register.find(reference);
    GrantStatement statement = null;
    if (grant.isEmpty()) {
      // a ledger account without a register entry (opened directly): its city still decides
      statement = ledgerStatement(reference, Words.say("api.unknownGrant", reference));
    }
    access.requireStatementAccess(user, reference,
        grant.map(GrantRecord::cityCode).orElse(statement == null ? null : statement.cityCode()),
        grant.map(GrantRecord::coach).orElse(null));
    if (statement == null) {
      statement = ledgerStatement(reference,
          "Grant " + reference + " has no ledger account yet: it has not been awarded.");
    }
    String currency = statement.currency();
    return GrantStatementResponse.of(statement, grant.orElse(null), localSpending.items(statement.grantReference())
        .stream().map(item -> SpendingController.of(item, currency)).toList(),
        movementEvidence.linksOf(statement.grantReference()));
  }

  @PostMapping("/{reference}/early-stop")
  @Operation(summary = "Stop a grant early (programme officers)",
      description = """
          A programme officer stops a grant that is not feasible, as the signed-in user: open work \
          is cancelled, commitments are released and the grant goes to settlement (final balance, \
          recovery of unspent money, or closing at once). The stop continues in the engine, hence \
          202 Accepted; follow it on the statement. Only an awarded grant whose capital is still \
          open, and not already being stopped, can be stopped.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = EarlyStopRequest.class),
      examples = @ExampleObject(value = "{\"reason\": \"The council withdrew its support for the schoolyards.\"}")))
  @ApiResponse(responseCode = "202", description = "Stop accepted; the grant goes to settlement",
      content = @Content(schema = @Schema(implementation = EarlyStopResponse.class)))
  @ApiResponse(responseCode = "400", description = """
      Refused input, naming the field: `reason` missing or blank, `reference` not awarded, already \
      closed or already being stopped, or a body that is not JSON""",
      content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(
          value = ApiExamples.REASON_MISSING)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not a programme officer",
      content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(
          value = ApiExamples.FORBIDDEN_STOP)))
  @ApiResponse(responseCode = "404", description = "No such grant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public ResponseEntity<EarlyStopResponse> earlyStop(
      @Parameter(description = "Grant reference (the process business key)", example = EXAMPLE_REFERENCE)
      @PathVariable String reference,
      @RequestBody(required = false) EarlyStopRequest request,
      @Parameter(hidden = true) Authentication authentication) {
    String user = access.userId(authentication);
    if (register.find(reference).isEmpty()) {
      throw ApiException.notFound(Words.say("api.unknownGrant", reference));
    }
    String reason = request == null ? null : request.reason();
    earlyStop.request(user, reference, reason);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new EarlyStopResponse(reference, user, reason, "/api/grants/" + reference + "/statement"));
  }

  private GrantStatement ledgerStatement(String reference, String notFound) {
    try {
      return ledger.statement(reference);
    } catch (UnknownLedgerKeyException e) {
      throw ApiException.notFound(notFound);
    }
  }
}
