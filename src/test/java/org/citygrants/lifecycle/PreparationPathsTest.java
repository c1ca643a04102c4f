package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Preparation time: procurement rework, readiness, the deadline watch and its overrun decisions. */
class PreparationPathsTest extends GrantPathTest {

  @Autowired GrantRegister register;
  @Autowired ManagementService managementService;

  @Test
  void aProcurementPlanSentBackIsResubmittedThenApprovedAndTheAdvanceFollows() {
    String grant = grantInPreparation();
    cityPrepares(grant);

    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(false));

    assertThat(journey.openTaskKeys(grant)).contains(SUBMIT_PROCUREMENT_PLAN).doesNotContain(REVIEW_PROCUREMENT_PLAN,
        PaymentProcess.Elements.REQUEST_PAYMENT);
    assertThat(journey.variable(grant, "procurementFeedback")).isEqualTo("Add the designer's quote.");
    assertThat(ledger.statement(grant).payments()).isEmpty();

    journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, CITY, with(procurementPlan(), "procurementPlan",
        "Three quotes for plants and the landscape designer's quote attached."));
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));

    // tight cash flow, simplified procurement: 30 % of 40,000
    assertThat(journey.variable(grant, "advanceRatePercent")).isEqualTo(30L);
    assertThat(runtimeVariableOfPayment(grant)).isEqualTo(12000.0);
    payOpenPayment(grant);
    assertThat(journey.variable(grant, "advancePaidAmount")).isEqualTo(12000.0);
    assertThat(ledger.statement(grant).paid()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(CONFIRM_READINESS);
  }

  @Test
  void aCityNotYetReadyStrengthensItsPreparationAndIsAskedAgain() {
    String grant = grantWithAdvancePaid();

    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(false));

    assertThat(journey.openTaskKeys(grant)).containsExactly(STRENGTHEN_PREPARATION);
    assertThat(journey.variable(grant, "readinessGuidance")).isEqualTo("Make the hypotheses testable.");

    journey.complete(grant, STRENGTHEN_PREPARATION, CITY, strengthenPreparation());

    assertThat(journey.openTaskKeys(grant)).containsExactly(CONFIRM_READINESS);
    assertThat(journey.task(grant, CONFIRM_READINESS).getAssignee()).isEqualTo(COACH);
    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(true));
    assertThat(journey.openTaskKeys(grant)).containsExactly(FORM_INVESTMENT_COMMITTEE);
    assertThat(journey.hasTimer(grant, PREPARATION_REMINDER_DUE)).as("preparation over: its watch ends").isFalse();
  }

  @Test
  void theReminderDateRemindsTheCoachOfTheDeadline() {
    String grant = grantInPreparation();
    Date due = (Date) journey.variable(grant, "preparationDueDate");
    assertThat(journey.hasTimer(grant, PREPARATION_REMINDER_DUE)).isTrue();
    assertThat(notificationsTo(grant, COACH)).isEmpty();

    journey.fireTimer(grant, PREPARATION_REMINDER_DUE);

    String day = new SimpleDateFormat("yyyy-MM-dd").format(due);
    assertThat(notificationsTo(grant, COACH)).containsExactly("Preparation of Lyon (" + grant + ") ends on " + day);
    assertThat(jdbc.sql("SELECT notification_key FROM notification WHERE grant_reference = ? AND recipient = ?")
        .params(grant, COACH).query(String.class).single()).isEqualTo(grant + ":preparation-reminder:" + day);
    assertThat(journey.hasTimer(grant, PREPARATION_REMINDER_DUE)).isFalse();
    assertThat(journey.hasTimer(grant, PREPARATION_TIME_OVER)).isTrue();
    assertThat(timer(grant, PREPARATION_TIME_OVER).getDuedate()).isEqualTo(due);
    assertThat(journey.openTaskKeys(grant)).contains(COMPLETE_METHOD_ONBOARDING, OBTAIN_INTERNAL_AUTHORISATIONS,
        SUBMIT_PROCUREMENT_PLAN);
  }

  @Test
  void anExtendedPreparationMovesTheDeadlineAndArmsTheWatchAgain() {
    String grant = grantWithOverrunToDecide();
    Date oldDue = (Date) journey.variable(grant, "preparationDueDate");
    assertThat(journey.task(grant, DECIDE_PREPARATION_OVERRUN).getAssignee()).isNull();
    // the officer's form shows the coach by name; the process keeps the id it assigns tasks to
    assertThat(journey.variable(grant, "coachName")).isEqualTo("Paul Moreau");
    assertThat(journey.variable(grant, "coach")).isEqualTo("coach1");
    // the city's preparation tasks are due at the preparation deadline, not a fortnight after they opened
    assertThat(journey.task(grant, COMPLETE_METHOD_ONBOARDING).getDueDate()).isEqualTo(oldDue);
    assertThat(journey.task(grant, SUBMIT_PROCUREMENT_PLAN).getDueDate()).isEqualTo(oldDue);

    journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("extend", inDays(120)));

    Date newDue = Date.from(LocalDate.now().plusDays(121).atStartOfDay(ZoneId.systemDefault()).toInstant());
    assertThat((Date) journey.variable(grant, "preparationDueDate")).isEqualTo(newDue).isAfter(oldDue);
    assertThat(journey.variable(grant, "preparationDeadline")).isEqualTo(LocalDate.now().plusDays(121).toString());
    assertThat(journey.variable(grant, "preparationExtensions")).isEqualTo(1L);
    assertThat(journey.variable(grant, "preparationLate")).isEqualTo(false);
    assertThat(journey.hasTimer(grant, PREPARATION_REMINDER_DUE)).as("reminder re-armed").isTrue();
    assertThat(timer(grant, PREPARATION_REMINDER_DUE).getDuedate())
        .isEqualTo(Date.from(LocalDate.now().plusDays(121 - 14).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    assertThat(journey.hasTimer(grant, PREPARATION_TIME_OVER)).isFalse();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(DECIDE_PREPARATION_OVERRUN)
        .contains(COMPLETE_METHOD_ONBOARDING, SUBMIT_PROCUREMENT_PLAN);
    // and move with it: the overdue digest does not chase the city for the deadline that was extended
    assertThat(journey.task(grant, COMPLETE_METHOD_ONBOARDING).getDueDate()).isEqualTo(newDue);
    assertThat(journey.task(grant, SUBMIT_PROCUREMENT_PLAN).getDueDate()).isEqualTo(newDue);

    // the new deadline is watched like the first one: reminder, then time over
    journey.fireTimer(grant, PREPARATION_REMINDER_DUE);
    assertThat(notificationsTo(grant, COACH)).hasSize(2)
        .last().asString().endsWith("ends on " + LocalDate.now().plusDays(121));
    journey.fireTimer(grant, PREPARATION_TIME_OVER);
    assertThat(journey.openTaskKeys(grant)).contains(DECIDE_PREPARATION_OVERRUN);
  }

  @Test
  void anExtensionToADateInThePastOrBeforeTheDeadlineIsRefused() {
    String grant = grantWithOverrunToDecide();
    Date due = (Date) journey.variable(grant, "preparationDueDate");

    InputRejectedException past = refusal(() ->
        journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("extend", inDays(-3))));
    assertThat(past.getField()).isEqualTo("newPreparationDueDate");
    assertThat(past.getMessage()).startsWith("'New preparation due date' must be today or later: ")
        .endsWith(" is in the past.");

    InputRejectedException beforeDeadline = refusal(() ->
        journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("extend", inDays(20))));
    assertThat(beforeDeadline.getField()).isEqualTo("newPreparationDueDate");

    InputRejectedException missing = refusal(() ->
        journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("extend", null)));
    assertThat(missing.getField()).isEqualTo("newPreparationDueDate");

    assertThat(journey.openTaskKeys(grant)).contains(DECIDE_PREPARATION_OVERRUN);
    assertThat(journey.variable(grant, "preparationDueDate")).isEqualTo(due);
    assertThat(journey.variable(grant, "preparationExtensions")).isEqualTo(0L);
  }

  @Test
  void goingOnWithoutExtensionFlagsThePreparationLateAndTheCityWorksOn() {
    String grant = grantWithOverrunToDecide();

    journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("continue", null));

    assertThat(journey.variable(grant, "preparationLate")).isEqualTo(true);
    assertThat(register.find(grant).orElseThrow().preparationLate()).isTrue();
    assertThat(journey.hasTimer(grant, PREPARATION_REMINDER_DUE)).isFalse();
    assertThat(journey.hasTimer(grant, PREPARATION_TIME_OVER)).isFalse();
    assertThat(journey.openTaskKeys(grant)).containsExactlyInAnyOrder(COMPLETE_METHOD_ONBOARDING,
        OBTAIN_INTERNAL_AUTHORISATIONS, SUBMIT_PROCUREMENT_PLAN);

    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    payOpenPayment(grant);
    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(true));
    assertThat(journey.openTaskKeys(grant)).containsExactly(FORM_INVESTMENT_COMMITTEE);
    assertThat(journey.variable(grant, "preparationLate")).isEqualTo(true);
  }

  @Test
  void stoppingAGrantWhoseAdvanceWasPaidRecoversTheAdvanceAndClosesIt() {
    String grant = grantWithAdvancePaid();
    journey.fireTimer(grant, PREPARATION_REMINDER_DUE);
    journey.fireTimer(grant, PREPARATION_TIME_OVER);

    journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("stop", null));

    assertThat(passed(grant, "Event_PreparationStopped")).isTrue();
    assertThat(passed(grant, "SubProcess_StoppedByDecision")).isTrue();
    assertThat(journey.openTaskKeys(grant)).as("open work is cancelled; finance awaits the money back")
        .containsExactly(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED);
    assertThat(journey.variable(grant, "settlementOutcome")).as("not yet copied back").isNull();
    assertThat(notificationsTo(grant, CITY)).as("the award, the advance, then the recovery").containsExactly(
        "Your grant " + grant + " is awarded: please read and accept the terms",
        "[" + grant + "] Payment made: 12,000.00 EUR, the advance",
        "Recovery order for grant " + grant + ": 12,000.00 EUR");
    assertThat(ledger.statement(grant).recoveryOrdered()).isEqualByComparingTo(new BigDecimal("12000"));

    financeConfirmsRecovery(grant);

    assertThat(journey.endedAt(grant, GRANT_CLOSED_AFTER_STOP)).isTrue();
    assertThat(historicVariable(grant, "settlementOutcome")).isEqualTo("RECOVERY");
    assertThat(historicVariable(grant, "settlementAmount")).isEqualTo(12000.0);
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.recovered()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.cityFloat()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(journey.processInstanceIds(grant)).isEmpty();
  }

  @Test
  void stoppingAGrantBeforeAnyPaymentClosesItWithNothingToSettle() {
    String grant = grantWithOverrunToDecide();

    journey.complete(grant, DECIDE_PREPARATION_OVERRUN, OFFICER, overrun("stop", null));

    assertThat(journey.endedAt(grant, GRANT_CLOSED_AFTER_STOP)).isTrue();
    assertThat(historicVariable(grant, "settlementOutcome")).isEqualTo("NONE");
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.paid()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(statement.payments()).isEmpty();
    assertThat(journey.processInstanceIds(grant)).isEmpty();
  }

  private String grantWithOverrunToDecide() {
    String grant = grantInPreparation();
    journey.fireTimer(grant, PREPARATION_REMINDER_DUE);
    journey.fireTimer(grant, PREPARATION_TIME_OVER);
    assertThat(journey.openTaskKeys(grant)).contains(DECIDE_PREPARATION_OVERRUN);
    return grant;
  }

  private Job timer(String grant, String activityId) {
    return managementService.createJobQuery().timers().processInstanceId(journey.mainInstance(grant).getId())
        .activityId(activityId).singleResult();
  }
}
