package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.ledger.BudgetVsActualRow;
import org.citygrants.ledger.GrantAccount;

/** The programme's budget vs actual: one row per grant (and so per city and year). */
@Schema(name = "BudgetVsActual", description = "Budget vs actual of every grant of the programme, ordered by grant "
    + "reference. Amounts are strings with two decimals.")
public record BudgetVsActualResponse(
    @Schema(description = "When the figures were read", example = "2026-05-04T08:30:00Z") Instant generatedAt,
    @ArraySchema(schema = @Schema(implementation = Row.class)) List<Row> rows) {

  @Schema(name = "BudgetVsActualRow", description = "One grant: awarded capital against commitments, payments, "
      + "accepted expenditure and recoveries")
  public record Row(
      @Schema(example = "LYON-2026") String grantReference,
      @Schema(example = "lyon") String cityCode,
      @Schema(example = "Lyon", nullable = true) String cityName,
      @Schema(example = "coach1", nullable = true) String coach,
      @Schema(example = "OPEN") GrantAccount.Status status,
      @Schema(example = "EUR") String currency,
      @Schema(example = "40000.00", type = "string", pattern = Amounts.PATTERN) String awarded,
      @Schema(example = "20000.00", type = "string", pattern = Amounts.PATTERN) String committed,
      @Schema(example = "12000.00", type = "string", pattern = Amounts.PATTERN) String paid,
      @Schema(example = "0.00", type = "string", pattern = Amounts.PATTERN) String reportedSpent,
      @Schema(example = "0.00", type = "string", pattern = Amounts.PATTERN) String recovered,
      @Schema(example = "20000.00", type = "string", pattern = Amounts.PATTERN) String available,
      @Schema(description = "The city's itemised spending in euros, at the rates of its days (the detail behind its "
          + "reports: not added to reportedSpent)", example = "1000.00", type = "string", pattern = Amounts.PATTERN)
      String itemisedSpent,
      @Schema(description = "The itemised spending paid in other currencies, in those currencies",
          example = "XOF 655957.00", nullable = true) String itemisedOriginals) {

    /** The CSV columns, in this order; the header row uses these names. */
    static final List<String> COLUMNS = List.of("grantReference", "cityCode", "cityName", "coach", "status",
        "currency", "awarded", "committed", "paid", "reportedSpent", "recovered", "available", "itemisedSpent",
        "itemisedOriginals");

    static Row of(BudgetVsActualRow r, GrantRecord grant, org.citygrants.ledger.LocalSpending.Totals items) {
      String originals = items == null || items.originals().isEmpty() ? null : items.originals().entrySet().stream()
          .map(e -> e.getKey() + " " + Amounts.of(e.getValue())).collect(java.util.stream.Collectors.joining("; "));
      return new Row(r.grantReference(), r.cityCode(), grant == null ? null : grant.cityName(),
          grant == null ? null : grant.coach(), r.status(), r.currency(), Amounts.of(r.awarded()),
          Amounts.of(r.committed()), Amounts.of(r.paid()), Amounts.of(r.reportedSpent()), Amounts.of(r.recovered()),
          Amounts.of(r.available()), Amounts.of(items == null ? java.math.BigDecimal.ZERO : items.amount()), originals);
    }

    List<String> cells() {
      return java.util.Arrays.asList(grantReference, cityCode, cityName, coach, status.name(), currency, awarded,
          committed, paid, reportedSpent, recovered, available, itemisedSpent, itemisedOriginals);
    }
  }
}
