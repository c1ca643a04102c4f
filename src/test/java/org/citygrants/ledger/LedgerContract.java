package org.citygrants.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared fixture of the ledger tests: runs every test on the database a subclass names, with an
 * empty ledger, and offers the assertions every refusal needs.
 */
abstract class LedgerContract {

  static final String LYON = "LYON-2026";
  static final String ADVANCE = LYON + ":advance";
  static final MovementContext OFFICER = new MovementContext("olivia", "pi-42", "Task_DecideSizing", "grant awarded");
  static final MovementContext SYSTEM = MovementContext.by("camunda", "test");

  LedgerService ledger;
  JdbcClient jdbc;

  abstract TestDatabase database();

  @BeforeEach
  void emptyLedger() {
    database().reset();
    ledger = database().ledger();
    jdbc = database().jdbc();
  }

  static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  /** Lyon's grant of 50,000.00 EUR: experiments 35,000, learning 7,500, committee 2,500, coaching 5,000. */
  void openLyon() {
    ledger.openGrant(LYON, "LYON", eur("50000"), OFFICER);
  }

  /** Requests, approves (by someone else) and disburses a payment. */
  Payment pay(String grant, String milestone, PaymentKind kind, String amount) {
    Payment payment = ledger.requestPayment(grant, milestone, kind, eur(amount), "rita", SYSTEM);
    ledger.approvePayment(payment.paymentKey(), "frank", SYSTEM);
    return ledger.disburse(payment.paymentKey(), SYSTEM);
  }

  /** Every grant's statement: what a refusal must leave exactly as it was. */
  Map<String, GrantStatement> snapshot() {
    Map<String, GrantStatement> statements = new LinkedHashMap<>();
    ledger.budgetVsActual().forEach(row -> statements.put(row.grantReference(), ledger.statement(row.grantReference())));
    return statements;
  }

  /** The call is refused with this exception type and a message containing every fragment; nothing changes. */
  <E extends LedgerException> E assertRefused(Class<E> type, Runnable call, String... messageFragments) {
    Map<String, GrantStatement> before = snapshot();
    E refusal = catchThrowableOfType(type, call::run);
    assertThat(refusal).as("expected a %s", type.getSimpleName()).isNotNull();
    if (messageFragments.length > 0) {
      assertThat(refusal.getMessage()).contains(messageFragments);
    }
    assertThat(snapshot()).as("the ledger after the refusal").isEqualTo(before);
    return refusal;
  }

  GrantStatement balancedStatement(String grant) {
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.imbalances()).isEmpty();
    assertThat(statement.awarded())
        .isEqualByComparingTo(statement.available().add(statement.committed().max(statement.paid().add(statement.pendingPayments()))));
    assertThat(statement.cityFloat())
        .isEqualByComparingTo(statement.paid().subtract(statement.recovered()).subtract(statement.reportedSpent()));
    return statement;
  }

  List<MovementType> movementTypes(String grant) {
    return ledger.statement(grant).movements().stream().map(Movement::type).toList();
  }

  long movements(String grant, MovementType type) {
    return ledger.statement(grant).movements().stream().filter(m -> m.type() == type).count();
  }
}
