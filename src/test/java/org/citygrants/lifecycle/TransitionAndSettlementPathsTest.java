package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;

/**
 * The transition (plan, final report, each with rework) and the three ways a grant settles. Each
 * grant here ran one experiment: 12,000 advance + 20,000 tranche paid, 20,000 accepted.
 */
class TransitionAndSettlementPathsTest extends GrantPathTest {

  @Test
  void reworkedPlanAndReportThenNothingToSettleWhenAcceptedSpendingEqualsPayments() {
    String grant = grantInTransition();

    journey.complete(grant, SUBMIT_TRANSITION_PLAN, CITY, transitionPlan());
    journey.complete(grant, REVIEW_TRANSITION_PLAN, COACH, transitionReview(false));
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
    assertThat(journey.variable(grant, "transitionPlanFeedback")).isEqualTo("Name an owner.");

    journey.complete(grant, SUBMIT_TRANSITION_PLAN, CITY, with(transitionPlan(), "transitionOwner",
        "Head of the education department"));
    journey.complete(grant, REVIEW_TRANSITION_PLAN, COACH, transitionReview(true));
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_FINAL_REPORT);

    journey.complete(grant, SUBMIT_FINAL_REPORT, CITY, finalReport(9000));
    journey.complete(grant, REVIEW_FINAL_REPORT, OFFICER, finalReview(false));
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_FINAL_REPORT);
    assertThat(journey.variable(grant, "finalReportFeedback")).isEqualTo("Add the committee costs.");
    assertThat(ledger.statement(grant).reportedSpent()).as("nothing recorded before acceptance")
        .isEqualByComparingTo(new BigDecimal("20000"));

    journey.complete(grant, SUBMIT_FINAL_REPORT, CITY, finalReport(12000));
    journey.complete(grant, REVIEW_FINAL_REPORT, OFFICER, finalReview(true));

    // accepted 32,000 = paid 32,000
    assertThat(journey.variable(grant, "settlementOutcome")).isEqualTo("NONE");
    assertThat(journey.variable(grant, "settlementAmount")).isEqualTo(0.0);
    assertThat(journey.openTaskKeys(grant)).isEmpty();
    assertThat(journey.hasTimer(grant, FOLLOW_UP_DUE)).isTrue();
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("32000"));
    assertThat(statement.reportedSpent()).isEqualByComparingTo(new BigDecimal("32000"));
    assertThat(statement.payments()).hasSize(2);

    journey.fireTimer(grant, FOLLOW_UP_DUE);
    journey.complete(grant, REPORT_FOLLOW_UP, CITY, followUp());
    assertThat(journey.endedAt(grant, GRANT_COMPLETED)).isTrue();
  }

  @Test
  void acceptedSpendingAbovePaymentsIsPaidAsAFinalBalance() {
    String grant = grantInTransition();

    transition(grant, 15000);

    // accepted 35,000 against 32,000 paid
    assertThat(journey.variable(grant, "settlementOutcome")).isNull();
    assertThat(runtimeVariableOfPayment(grant)).isEqualTo(3000.0);
    assertThat(taskVariable(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "paymentKind")).isEqualTo("FINAL_BALANCE");
    assertThat(taskVariable(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "paymentMilestone")).isEqualTo("final-balance");
    payOpenPayment(grant);

    assertThat(journey.variable(grant, "settlementOutcome")).isEqualTo("FINAL_BALANCE");
    assertThat(journey.variable(grant, "settlementAmount")).isEqualTo(3000.0);
    assertThat(journey.hasTimer(grant, FOLLOW_UP_DUE)).isTrue();
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("35000"));
    assertThat(statement.payments()).extracting(p -> p.milestone(), p -> p.kind(), p -> p.status(), p -> p.amount())
        .contains(tuple("final-balance", PaymentKind.FINAL_BALANCE, PaymentStatus.DISBURSED, new BigDecimal("3000.00")));
  }

  @Test
  void paymentsAboveAcceptedSpendingAreRecoveredOnceFinanceConfirmsTheMoneyCameBack() {
    String grant = grantInTransition();

    transition(grant, 0);

    // accepted 20,000 against 32,000 paid: the city returns 12,000
    assertThat(journey.openTaskKeys(grant)).containsExactly(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED);
    assertThat(notificationsTo(grant, CITY)).as("what the city heard over its grant, in order").containsExactly(
        "Your grant " + grant + " is awarded: please read and accept the terms",
        "[" + grant + "] Payment made: 12,000.00 EUR, the advance",
        "[" + grant + "] Your experiment report was accepted",
        "[" + grant + "] Payment made: 20,000.00 EUR, tranche for experiment 1",
        "[" + grant + "] Your final report was accepted",
        "Recovery order for grant " + grant + ": 12,000.00 EUR");
    assertThat(ledger.statement(grant).recoveryOrdered()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(taskVariable(grant, PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED, "recoveryKey"))
        .isEqualTo(grant + ":recovery");

    InputRejectedException notYet = refusal(() -> journey.complete(grant,
        PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED, FINANCE_APPROVER,
        with(confirmRecovery(), "recoveryReceived", false)));
    assertThat(notYet.getField()).isEqualTo("recoveryReceived");
    assertThat(journey.openTaskKeys(grant)).containsExactly(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED);

    financeConfirmsRecovery(grant);

    assertThat(journey.variable(grant, "settlementOutcome")).isEqualTo("RECOVERY");
    assertThat(journey.variable(grant, "settlementAmount")).isEqualTo(12000.0);
    assertThat(journey.hasTimer(grant, FOLLOW_UP_DUE)).isTrue();
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.recovered()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.cityFloat()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  private String grantInTransition() {
    String grant = grantWithApprovedActivities();
    runExperiment(grant, 20000, 20000, false, "persevere", false);
    assertThat(journey.openTaskKeys(grant)).containsExactly(SUBMIT_TRANSITION_PLAN);
    return grant;
  }
}
