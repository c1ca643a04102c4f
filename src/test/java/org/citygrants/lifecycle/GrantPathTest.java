package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.citygrants.process.CityGrantProcess.Elements.REVIEW_PROCUREMENT_PLAN;
import static org.citygrants.support.FormData.confirmRecovery;
import static org.citygrants.support.FormData.procurementReview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared steps of the path tests (same Spring context as every {@link LifecycleTest}). After
 * each test, every grant the test created that has a ledger account must have a balanced
 * statement.
 */
abstract class GrantPathTest extends LifecycleTest {

  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;

  private Set<String> grantsBefore = Set.of();

  @BeforeEach
  void rememberExistingGrants() {
    grantsBefore = new HashSet<>(allGrantReferences());
  }

  @AfterEach
  void everyLedgerStatementOfThisTestBalances() {
    for (String grant : allGrantReferences()) {
      if (grantsBefore.contains(grant)) {
        continue;
      }
      GrantStatement statement;
      try {
        statement = ledger.statement(grant);
      } catch (UnknownLedgerKeyException notAwarded) {
        continue;
      }
      assertThat(statement.balanced()).as("ledger of %s: %s", grant, statement.imbalances()).isTrue();
    }
  }

  List<String> allGrantReferences() {
    return jdbc.sql("SELECT grant_reference FROM grant_record").query(String.class).list();
  }

  /** The refusal a person sees: the InputRejectedException in the cause chain of what was thrown. */
  static InputRejectedException refusal(ThrowingCallable action) {
    Throwable thrown = catchThrowable(action);
    assertThat(thrown).as("the step is refused").isNotNull();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
      if (t instanceof InputRejectedException rejected) {
        return rejected;
      }
    }
    throw new AssertionError("expected an InputRejectedException, got " + thrown, thrown);
  }

  /** A grant in preparation whose procurement is approved and whose advance (12,000) is paid. */
  String grantWithAdvancePaid() {
    String grant = grantInPreparation();
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER,
        procurementReview(true));
    payOpenPayment(grant);
    return grant;
  }

  void financeConfirmsRecovery(String grant) {
    journey.complete(grant, PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED, FINANCE_APPROVER,
        confirmRecovery());
  }

  GrantStatement closedAndBalanced(String grant) {
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.status()).as("ledger status of %s", grant).isEqualTo(GrantAccount.Status.CLOSED);
    assertThat(statement.balanced()).as(statement.imbalances().toString()).isTrue();
    assertThat(statement.pendingPayments()).isEqualByComparingTo("0");
    assertThat(statement.committed()).isEqualByComparingTo("0");
    assertThat(statement.recoveryOrdered()).isEqualByComparingTo("0");
    return statement;
  }

  HistoricProcessInstance historicGrant(String grant) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant)
        .processDefinitionKey("city-grant").singleResult();
  }

  /** A variable of the grant's city-grant instance, also once the instance has ended. */
  Object historicVariable(String grant, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(historicGrant(grant).getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** Whether the activity was entered in any process instance of the grant (main, payment, settlement). */
  boolean passed(String grant, String activityId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grant).list().stream()
        .anyMatch(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(activityId).count() > 0);
  }

  List<String> notificationsTo(String grant, String recipient) {
    return jdbc.sql("SELECT subject FROM notification WHERE grant_reference = ? AND recipient = ? ORDER BY created_at")
        .params(grant, recipient).query(String.class).list();
  }

  boolean grantRunning(String grant) {
    return journey.mainInstance(grant) != null;
  }
}
