package org.citygrants.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.Movement;
import org.citygrants.ledger.MovementType;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.ledger.PaymentStatus;

/**
 * A grant's ledger statement as JSON. Amounts are strings with two decimals ({@code "12000.00"},
 * see {@link Amounts}); instants are ISO-8601 UTC.
 */
@Schema(name = "GrantStatement", description = """
    A grant's ring-fenced capital at one moment, read in one consistent snapshot of the ledger. \
    Amounts are strings with exactly two decimals and a decimal point (e.g. "12000.00"), in the \
    grant's currency. available = awarded − max(committed, paid + pendingPayments); \
    cityFloat = paid − recovered − reportedSpent (money the city holds and has not yet justified; \
    negative = the programme owes the city).""")
public record GrantStatementResponse(
    @Schema(example = "LYON-2026") String grantReference,
    @Schema(example = "lyon") String cityCode,
    @Schema(example = "Lyon", nullable = true) String cityName,
    @Schema(description = "The grant's coach (user id), null until a manager assigns one", example = "coach1",
        nullable = true) String coach,
    @Schema(description = "learning or impact", example = "learning", nullable = true) String objectiveType,
    @Schema(example = "EUR") String currency,
    @Schema(description = "OPEN while money can move; CLOSED once settled", example = "OPEN") GrantAccount.Status status,
    @Schema(description = "Awarded capital", example = "40000.00", type = "string", pattern = Amounts.PATTERN) String awarded,
    @Schema(description = "Active commitments", example = "20000.00", type = "string", pattern = Amounts.PATTERN) String committed,
    @Schema(description = "Payments requested or approved, not yet disbursed", example = "0.00",
        type = "string", pattern = Amounts.PATTERN) String pendingPayments,
    @Schema(description = "Disbursed payments", example = "12000.00", type = "string", pattern = Amounts.PATTERN) String paid,
    @Schema(description = "Accepted expenditure", example = "0.00", type = "string", pattern = Amounts.PATTERN) String reportedSpent,
    @Schema(description = "Recoveries ordered, not yet received", example = "0.00", type = "string", pattern = Amounts.PATTERN)
    String recoveryOrdered,
    @Schema(description = "Recoveries received", example = "0.00", type = "string", pattern = Amounts.PATTERN) String recovered,
    @Schema(description = "Capital neither committed nor promised to the city", example = "20000.00",
        type = "string", pattern = Amounts.PATTERN) String available,
    @Schema(description = "Money the city holds and has not yet justified", example = "12000.00",
        type = "string", pattern = Amounts.PATTERN) String cityFloat,
    @ArraySchema(schema = @Schema(implementation = BudgetLineView.class)) List<BudgetLineView> budgetLines,
    @ArraySchema(schema = @Schema(implementation = PaymentView.class)) List<PaymentView> payments,
    @ArraySchema(schema = @Schema(implementation = MovementView.class),
        arraySchema = @Schema(description = "The append-only journal of the grant, oldest first"))
    List<MovementView> movements,
    @Schema(description = "Whether every identity of the ledger holds (capital, cash, journal replay)",
        example = "true") boolean balanced,
    @ArraySchema(arraySchema = @Schema(description = "What does not balance; empty when balanced"))
    List<String> imbalances,
    @ArraySchema(schema = @Schema(implementation = SpendingController.SpendingItemResponse.class),
        arraySchema = @Schema(description = "The city's itemised spending, in the currency paid and in euros with "
            + "the rate used (the detail behind its reports: not added to reportedSpent)"))
    List<SpendingController.SpendingItemResponse> spendingItems) {

  static GrantStatementResponse of(GrantStatement s, GrantRecord grant,
      List<SpendingController.SpendingItemResponse> spendingItems, Map<Long, List<EvidenceFile>> evidence) {
    return new GrantStatementResponse(s.grantReference(), s.cityCode(), grant == null ? null : grant.cityName(),
        grant == null ? null : grant.coach(), grant == null ? null : grant.objectiveType(), s.currency(), s.status(),
        Amounts.of(s.awarded()), Amounts.of(s.committed()), Amounts.of(s.pendingPayments()), Amounts.of(s.paid()),
        Amounts.of(s.reportedSpent()), Amounts.of(s.recoveryOrdered()), Amounts.of(s.recovered()),
        Amounts.of(s.available()), Amounts.of(s.cityFloat()),
        s.budgetLines().stream().map(BudgetLineView::of).toList(),
        s.payments().stream().map(PaymentView::of).toList(),
        s.movements().stream().map(m -> MovementView.of(m, evidence.getOrDefault(m.id(), List.of()))).toList(),
        s.balanced(), s.imbalances(), spendingItems);
  }

  @Schema(name = "BudgetLine", description = "One budget line of the grant's capital")
  public record BudgetLineView(
      @Schema(description = "experiments, learning-activities, committee or coaching", example = "experiments")
      String line,
      @Schema(example = "28000.00", type = "string", pattern = Amounts.PATTERN) String allocated,
      @Schema(example = "20000.00", type = "string", pattern = Amounts.PATTERN) String committed,
      @Schema(example = "8000.00", type = "string", pattern = Amounts.PATTERN) String remaining) {

    static BudgetLineView of(GrantStatement.BudgetLineStatement line) {
      return new BudgetLineView(line.line().code(), Amounts.of(line.allocated()), Amounts.of(line.committed()),
          Amounts.of(line.remaining()));
    }
  }

  @Schema(name = "Payment", description = "A payment to the city for one milestone")
  public record PaymentView(
      @Schema(example = "LYON-2026:advance") String paymentKey,
      @Schema(example = "advance") String milestone,
      @Schema(example = "ADVANCE") PaymentKind kind,
      @Schema(example = "12000.00", type = "string", pattern = Amounts.PATTERN) String amount,
      @Schema(example = "DISBURSED") PaymentStatus status,
      @Schema(example = "finance1") String requestedBy,
      @Schema(example = "2026-03-02T09:15:00Z") Instant requestedAt,
      @Schema(example = "finance2", nullable = true) String approvedBy,
      @Schema(example = "2026-03-02T10:02:00Z", nullable = true) Instant approvedAt,
      @Schema(nullable = true) String rejectedBy,
      @Schema(nullable = true) String rejectionReason,
      @Schema(example = "2026-03-02T10:02:05Z", nullable = true) Instant disbursedAt) {

    static PaymentView of(Payment p) {
      return new PaymentView(p.paymentKey(), p.milestone(), p.kind(), Amounts.of(p.amount()), p.status(),
          p.requestedBy(), p.requestedAt(), p.approvedBy(), p.approvedAt(), p.rejectedBy(), p.rejectionReason(),
          p.disbursedAt());
    }
  }

  @Schema(name = "Movement", description = "One row of the grant's append-only journal: what, how much, who, when, why")
  public record MovementView(
      @Schema(example = "42") long id,
      @Schema(example = "PAYMENT_DISBURSED") MovementType type,
      @Schema(example = "12000.00", type = "string", pattern = Amounts.PATTERN) String amount,
      @Schema(example = "LYON-2026:advance") String referenceKey,
      @Schema(example = "finance2") String actor,
      @Schema(example = "2026-03-02T10:02:05Z") Instant occurredAt,
      @Schema(nullable = true) String reason,
      @Schema(nullable = true) String processInstanceId,
      @Schema(example = "Task_ApprovePayment", nullable = true) String activityOrTaskId,
      @ArraySchema(schema = @Schema(implementation = EvidenceView.class), arraySchema = @Schema(description = """
          The files the movement rests on: those attached at the steps that led to it, and any a finance \
          officer or programme officer linked later (POST .../movements/{id}/evidence)"""))
      List<EvidenceView> evidence) {

    static MovementView of(Movement m, List<EvidenceFile> evidence) {
      return new MovementView(m.id(), m.type(), Amounts.of(m.amount()), m.referenceKey(), m.actor(), m.occurredAt(),
          m.reason(), m.processInstanceId(), m.activityOrTaskId(), evidence.stream().map(EvidenceView::of).toList());
    }
  }

  @Schema(name = "MovementEvidence", description = "A file a ledger movement rests on")
  public record EvidenceView(
      @Schema(description = "The file's id", example = DocumentController.EXAMPLE_ID) String id,
      @Schema(description = "The name it was attached under", example = "invoice-2026-014.pdf") String name,
      @Schema(description = "What it was attached for: a task id or a purpose", example = "Task_ApprovePayment")
      String step,
      @Schema(description = "Where to download it", example = "/api/documents/" + DocumentController.EXAMPLE_ID)
      String href,
      @Schema(description = "Whether the file was deleted since (the link stays)") boolean deleted) {

    static EvidenceView of(EvidenceFile file) {
      return new EvidenceView(file.id(), file.name(), file.step(), "/api/documents/" + file.id(), file.deleted());
    }
  }
}
