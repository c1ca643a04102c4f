package org.citygrants.lifecycle;

import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import org.citygrants.ledger.LedgerService;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.ApplicationTest;
import org.citygrants.support.GrantJourney;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole-application tests of the grant lifecycle with the real delegates, ledger and forms'
 * validation, on the shared {@link ApplicationTest} context (in-memory H2, jobs run by the tests). Steps are the users' own:
 * lyon (city), officer, manager, coach1, finance1 and finance2 from the demo identities.
 */
@ApplicationTest
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
abstract class LifecycleTest {

  static final String CITY = "lyon";
  static final String OFFICER = "officer";
  static final String MANAGER = "manager";
  static final String COACH = "coach1";
  static final String FINANCE_REQUESTER = "finance1";
  static final String FINANCE_APPROVER = "finance2";

  @Autowired GrantJourney journey;
  @Autowired LedgerService ledger;

  String applyAndAward(int amount) {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, OFFICER, award(amount));
    journey.acceptAward(grant, CITY);
    return grant;
  }

  String grantInPreparation() {
    String grant = applyAndAward(40000);
    journey.complete(grant, ASSIGN_COACH, MANAGER, of("coach", COACH));
    return grant;
  }

  void cityPrepares(String grant) {
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, CITY, methodOnboarding());
    journey.complete(grant, PLAN_EXPERIMENTATION, CITY, planningCanvas());
    journey.complete(grant, OBTAIN_INTERNAL_AUTHORISATIONS, CITY, internalAuthorisations());
    journey.complete(grant, SUBMIT_PROCUREMENT_PLAN, CITY, procurementPlan());
  }

  /** Finance requests the proposed amount of the open payment and a second officer approves it. */
  void payOpenPayment(String grant) {
    journey.payOpenPayment(grant);
  }

  Object runtimeVariableOfPayment(String grant) {
    return taskVariable(grant, PaymentProcess.Elements.REQUEST_PAYMENT, PaymentProcess.PROPOSED_PAYMENT_AMOUNT.name());
  }

  @Autowired org.camunda.bpm.engine.TaskService taskService;

  Object taskVariable(String grant, String taskKey, String name) {
    return taskService.getVariable(journey.task(grant, taskKey).getId(), name);
  }

  /** Preparation done: procurement approved, advance paid, coach confirms readiness. */
  String preparedGrant() {
    String grant = grantInPreparation();
    cityPrepares(grant);
    journey.complete(grant, REVIEW_PROCUREMENT_PLAN, OFFICER, procurementReview(true));
    payOpenPayment(grant);
    journey.complete(grant, CONFIRM_READINESS, COACH, readiness(true));
    return grant;
  }

  String grantWithApprovedActivities() {
    String grant = preparedGrant();
    journey.complete(grant, FORM_INVESTMENT_COMMITTEE, CITY, committee());
    journey.complete(grant, DECIDE_COMMITTEE_CONVENING, COACH, conveneNow());
    journey.complete(grant, RECORD_COMMITTEE_REVIEW, COACH, committeeReview("approve"));
    return grant;
  }

  /** One experiment cycle up to the coach's decision, the tranche paid if one is due. */
  void runExperiment(String grant, int budget, int spent, boolean another, String outcome, boolean win) {
    journey.complete(grant, PLAN_EXPERIMENT, CITY, experimentPlan(budget, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, COACH, experimentPlanReview(true));
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    journey.complete(grant, HOLD_MID_CYCLE_CHECK_IN, COACH, checkIn());
    journey.fireTimer(grant, EXPERIMENT_ENDED);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, CITY, experimentReport(spent, another));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, COACH, experimentOutcome(true, outcome, win));
    if (journey.openTaskKeys(grant).contains(PaymentProcess.Elements.REQUEST_PAYMENT)) {
      payOpenPayment(grant);
    }
  }

  void transition(String grant, int otherExpenditure) {
    journey.complete(grant, SUBMIT_TRANSITION_PLAN, CITY, transitionPlan());
    journey.complete(grant, REVIEW_TRANSITION_PLAN, COACH, transitionReview(true));
    journey.complete(grant, SUBMIT_FINAL_REPORT, CITY, finalReport(otherExpenditure));
    journey.complete(grant, REVIEW_FINAL_REPORT, OFFICER, finalReview(true));
  }
}
