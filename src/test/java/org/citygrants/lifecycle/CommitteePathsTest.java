package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.citygrants.committee.CommitteeRegister;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The investment committee: forming it, convening it when the coach says so, its three decisions. */
class CommitteePathsTest extends GrantPathTest {

  @Autowired CommitteeRegister committees;

  @Test
  void aCommitteeOfFewerThanThreeMembersIsRefused() {
    String grant = preparedGrant();

    InputRejectedException refused = refusal(() -> journey.complete(grant, FORM_INVESTMENT_COMMITTEE, CITY,
        with(committee(), "committeeMembers", "Anne Martin; chair; Lyon council\nBruno Petit; finance; Lyon council")));

    assertThat(refused.getField()).isEqualTo("committeeMembers");
    assertThat(refused.getMessage()).contains("at least 3 members; 2 given");
    assertThat(journey.openTaskKeys(grant)).containsExactly(FORM_INVESTMENT_COMMITTEE);
    assertThat(committees.members(grant)).isEmpty();
  }

  @Test
  void theFirstMemberListedChairsAndIsNotAskedAgain() {
    String grant = preparedGrant();

    journey.complete(grant, FORM_INVESTMENT_COMMITTEE, CITY, committee());

    assertThat(journey.variable(grant, "committeeChair")).isEqualTo("Anne Martin");
  }

  @Test
  void aPostponedConveningAsksTheCoachAgainOnTheDateGiven() {
    String grant = grantWithCommittee();
    assertThat(committees.members(grant)).extracting(CommitteeRegister.Member::name)
        .containsExactly("Anne Martin", "Bruno Petit", "Chloe Roux");

    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneLater(inDays(10)));

    assertThat(journey.openTaskKeys(grant)).isEmpty();
    assertThat(journey.hasTimer(grant, CONVENING_CHECK_DUE)).isTrue();
    assertThat(journey.variable(grant, "nextConveningCheckDate")).isEqualTo(
        Date.from(LocalDate.now().plusDays(10).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant()));

    journey.fireTimer(grant, CONVENING_CHECK_DUE);

    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_COMMITTEE_CONVENING);
    assertThat(journey.task(grant, DECIDE_COMMITTEE_CONVENING).getAssignee()).isEqualTo(COACH);
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());
    assertThat(journey.openTaskKeys(grant)).containsExactly(RECORD_COMMITTEE_REVIEW);
  }

  @Test
  void postponingToADateInThePastIsRefused() {
    String grant = grantWithCommittee();

    InputRejectedException refused = refusal(() ->
        journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneLater(inDays(-1))));

    assertThat(refused.getField()).isEqualTo("nextConveningCheck");
    assertThat(refused.getMessage()).startsWith("'Ask me again on' must be today or later: ").endsWith(" is in the past.");
    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_COMMITTEE_CONVENING);
    assertThat(journey.hasTimer(grant, CONVENING_CHECK_DUE)).isFalse();
  }

  @Test
  void aCommitteeAskingForRevisionGetsARevisedPlanAndThenApprovesIt() {
    String grant = grantWithCommittee();
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());

    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("revise"));

    assertThat(journey.openTaskKeys(grant)).containsExactly(REVISE_ACTIVITY_PLAN);
    assertThat(journey.variable(grant, "committeeFeedback")).isEqualTo("Discussed the choice of schools.");

    journey.complete(grant, REVISE_ACTIVITY_PLAN, CITY, reviseActivityPlan());

    assertThat(journey.variable(grant, "localActionPlanSummary"))
        .isEqualTo("Cooler schoolyards designed with parents, two schools first.");
    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_COMMITTEE_CONVENING);
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());
    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("approve"));

    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.variable(grant, "committeeDecision")).isEqualTo("approve");
    assertThat(journey.hasTimer(grant, PROGRESS_REPORT_DUE)).isTrue();
  }

  @Test
  void aCommitteeRejectionGoesToAnOfficerWhoSendsTheActivitiesBackToTheCityWithANote() {
    String grant = grantWithCommittee();
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());

    // the committee advises: its rejection stops nothing by itself
    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("reject"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_AFTER_COMMITTEE_REJECTION);
    assertThat(journey.task(grant, DECIDE_AFTER_COMMITTEE_REJECTION).getAssignee()).isNull();

    journey.complete(grant, DECIDE_AFTER_COMMITTEE_REJECTION, OFFICER, afterCommitteeRejection("sendBack"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(REVISE_ACTIVITY_PLAN);
    assertThat(journey.variable(grant, "committeeRejectionNote")).asString().startsWith("Choose activities");
    assertThat(passed(grant, "SubProcess_StoppedByDecision")).isFalse();

    // the city revises; at the committee's next review the officer's note is done with
    journey.complete(grant, REVISE_ACTIVITY_PLAN, CITY, reviseActivityPlan());
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());
    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("approve"));
    assertThat(journey.openTaskKeys(grant)).containsExactly(PLAN_EXPERIMENT);
    assertThat(journey.variable(grant, "committeeRejectionNote")).isNull();
  }

  @Test
  void anOfficerMayStopTheGrantAfterACommitteeRejectionWhichIsThenSettledAndClosed() {
    String grant = grantWithCommittee();
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());

    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("reject"));
    journey.complete(grant, DECIDE_AFTER_COMMITTEE_REJECTION, OFFICER, afterCommitteeRejection("stop"));

    assertThat(passed(grant, COMMITTEE_REJECTED)).isTrue();
    assertThat(passed(grant, "SubProcess_StoppedByDecision")).isTrue();
    assertThat(passed(grant, PLAN_EXPERIMENT)).isFalse();
    // the advance (12,000) was paid and nothing was spent: it comes back
    assertThat(journey.openTaskKeys(grant)).containsExactly(PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED);

    financeConfirmsRecovery(grant);

    assertThat(journey.endedAt(grant, GRANT_CLOSED_AFTER_STOP)).isTrue();
    assertThat(historicVariable(grant, "settlementOutcome")).isEqualTo("RECOVERY");
    GrantStatement statement = closedAndBalanced(grant);
    assertThat(statement.recovered()).isEqualByComparingTo(new BigDecimal("12000"));
    assertThat(statement.cityFloat()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  private String grantWithCommittee() {
    String grant = preparedGrant();
    journey.complete(grant, FORM_INVESTMENT_COMMITTEE, CITY, committee());
    assertThat(journey.openTaskKeys(grant)).containsExactly(DECIDE_COMMITTEE_CONVENING);
    return grant;
  }
}
