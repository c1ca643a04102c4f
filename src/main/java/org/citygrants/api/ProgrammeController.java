package org.citygrants.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.LocalSpending;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.SystemAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Across all grants: the programme's money (budget vs actual, as JSON or a CSV download) and what
 * the cities said at their follow-up check.
 */
@RestController
@RequestMapping("/api/programme")
@Tag(name = "Programme", description = "Every grant's money and follow-up, for programme staff and finance")
public class ProgrammeController {

  static final String TEXT_CSV = "text/csv";
  static final MediaType TEXT_CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);
  /** CSV columns holding amounts (written as is, no formula guard). */
  private static final Set<Integer> AMOUNT_COLUMNS = Set.of(6, 7, 8, 9, 10, 11, 12);

  private final LedgerService ledger;
  private final LocalSpending localSpending;
  private final GrantRegister register;
  private final GrantAccess access;
  private final Clock clock;
  private final ProcessEngine engine;

  public ProgrammeController(LedgerService ledger, LocalSpending localSpending, GrantRegister register,
      GrantAccess access, ObjectProvider<Clock> clock, ProcessEngine engine) {
    this.ledger = ledger;
    this.localSpending = localSpending;
    this.register = register;
    this.access = access;
    this.clock = clock.getIfUnique(Clock::systemUTC);
    this.engine = engine;
  }

  @GetMapping(path = "/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "What continued after each grant",
      description = """
          One row per grant whose city answered the follow-up check (months after the programme): \
          the owner and next experiments of its transition plan and the city's answer. For \
          programme officers, programme managers and finance officers only.""")
  @ApiResponse(responseCode = "200", description = "The rows, ordered by grant reference",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = FollowUpsResponse.class)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff or finance", content = @Content)
  public FollowUpsResponse followUps(@Parameter(hidden = true) Authentication authentication) {
    access.requireProgrammeStaff(access.userId(authentication));
    // the use case checked who asks: the history is read on the application's authority
    List<FollowUpsResponse.Row> rows = SystemAccess.run(engine.getProcessEngineConfiguration(), () -> followUpRows());
    return new FollowUpsResponse(clock.instant(), rows);
  }

  private List<FollowUpsResponse.Row> followUpRows() {
    HistoryService history = engine.getHistoryService();
    List<FollowUpsResponse.Row> rows = new ArrayList<>();
    for (HistoricVariableInstance answer : history.createHistoricVariableInstanceQuery()
        .variableName(CityGrantProcess.FOLLOW_UP_WHAT_CONTINUED.name()).list()) {
      String instance = answer.getProcessInstanceId();
      register.findByProcessInstance(instance).ifPresent(grant -> rows.add(new FollowUpsResponse.Row(
          grant.grantReference(), grant.cityName(),
          text(history, instance, CityGrantProcess.TRANSITION_OWNER.name()),
          text(history, instance, CityGrantProcess.NEXT_EXPERIMENTS.name()),
          String.valueOf(answer.getValue()), answer.getCreateTime() == null ? null : answer.getCreateTime().toInstant())));
    }
    rows.sort(Comparator.comparing(FollowUpsResponse.Row::grantReference));
    return rows;
  }

  private static String text(HistoryService history, String processInstanceId, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
  }

  @GetMapping(path = "/budget-vs-actual", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
  @Operation(summary = "Budget vs actual of every grant",
      description = """
          One row per grant (city and year): awarded capital against commitments, payments, accepted \
          expenditure, recoveries and what is still available. JSON by default; `Accept: text/csv` \
          gives the same rows as the CSV download of `/api/programme/budget-vs-actual.csv`. For \
          programme officers, programme managers and finance officers only: cities never see \
          other cities' money.""")
  @ApiResponse(responseCode = "200", description = "The rows, ordered by grant reference", content = {
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = BudgetVsActualResponse.class),
          examples = @ExampleObject(value = ApiExamples.BUDGET_VS_ACTUAL)),
      @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"),
          examples = @ExampleObject(value = ApiExamples.BUDGET_VS_ACTUAL_CSV))})
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff or finance",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = ApiError.class),
          examples = @ExampleObject(value = ApiExamples.FORBIDDEN_PROGRAMME)))
  public ResponseEntity<?> budgetVsActual(
      @Parameter(description = "application/json (default) or text/csv")
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      @Parameter(hidden = true) Authentication authentication) {
    if (prefersCsv(accept)) {
      return csv(authentication);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows(authentication));
  }

  @GetMapping(path = "/budget-vs-actual.csv", produces = TEXT_CSV)
  @Operation(summary = "Budget vs actual as a CSV download",
      description = """
          The rows of `/api/programme/budget-vs-actual` as an RFC 4180 CSV file (attachment): UTF-8 \
          without byte order mark, comma separated, CRLF line ends, a header row with the JSON field \
          names, fields quoted when needed (quotes doubled), amounts with a decimal point and two \
          decimals (12000.00), no thousands separator. Text cells a spreadsheet would take for a \
          formula get a leading apostrophe. Programme staff and finance only.""")
  @ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = TEXT_CSV,
      schema = @Schema(type = "string", format = "binary"),
      examples = @ExampleObject(value = ApiExamples.BUDGET_VS_ACTUAL_CSV)))
  @ApiResponse(responseCode = "401", description = "Not signed in", content = @Content)
  @ApiResponse(responseCode = "403", description = "Not programme staff or finance", content = @Content)
  public ResponseEntity<byte[]> budgetVsActualCsv(@Parameter(hidden = true) Authentication authentication) {
    return csv(authentication);
  }

  private BudgetVsActualResponse rows(Authentication authentication) {
    access.requireProgrammeFinance(access.userId(authentication));
    Instant now = clock.instant();
    Map<String, GrantRecord> grants = register.all().stream()
        .collect(Collectors.toMap(GrantRecord::grantReference, Function.identity(), (a, b) -> a));
    Map<String, LocalSpending.Totals> itemised = localSpending.totals();
    List<BudgetVsActualResponse.Row> rows = ledger.budgetVsActual().stream()
        .map(row -> BudgetVsActualResponse.Row.of(row, grants.get(row.grantReference()), itemised.get(row.grantReference())))
        .sorted(Comparator.comparing(BudgetVsActualResponse.Row::grantReference))
        .toList();
    return new BudgetVsActualResponse(now, rows);
  }

  private ResponseEntity<byte[]> csv(Authentication authentication) {
    BudgetVsActualResponse response = rows(authentication);
    StringBuilder csv = new StringBuilder(Csv.record(BudgetVsActualResponse.Row.COLUMNS, Set.of()));
    response.rows().forEach(row -> csv.append(Csv.record(row.cells(), AMOUNT_COLUMNS)));
    String filename = "budget-vs-actual-" + response.generatedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ".csv";
    return ResponseEntity.ok()
        .contentType(TEXT_CSV_UTF8)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the Accept header asks for CSV before JSON: media ranges by quality (highest first,
   * in the order given when equal); the first that names text/csv or JSON decides; JSON when
   * nothing decides (no header, wildcards only).
   */
  static boolean prefersCsv(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (RuntimeException invalid) {
      return false;
    }
    List<MediaType> byQuality = types.stream()
        .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
        .toList();
    for (MediaType type : byQuality) {
      if (type.getQualityValue() <= 0) {
        continue;
      }
      if (type.isWildcardType()) {
        return false;
      }
      if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return false;
      }
    }
    return false;
  }
}
