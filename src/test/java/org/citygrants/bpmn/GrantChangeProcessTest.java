package org.citygrants.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.citygrants.process.GrantChangeProcess.Elements.*;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.citygrants.process.GrantChangeProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paths of bpmn/grant-change.bpmn on the engine alone (tier 1), delegates mocked. */
@Deployment(resources = {"bpmn/grant-change.bpmn", "forms/agree-budget-move.form", "forms/decide-grant-change.form",
    "forms/approve-award-increase.form"})
class GrantChangeProcessTest extends EngineOnlyTest {

  static final String COACH_ANSWER = "recordCoachAnswerDelegate";
  static final String DECISION = "recordChangeDecisionDelegate";
  static final String APPROVAL = "recordIncreaseApprovalDelegate";
  static final String APPLY = "applyGrantChangeDelegate";
  static final String REFUSE = "refuseGrantChangeDelegate";
  static final String TELL = "tellTheCityOfTheChangeDelegate";

  @BeforeEach
  void delegates() {
    mockDelegate(COACH_ANSWER);
    mockDelegate(DECISION);
    mockDelegate(APPROVAL);
    mockDelegate(APPLY);
    mockDelegate(REFUSE);
    mockDelegate(TELL);
  }

  ProcessInstance asked(String kind, String by, boolean increase) {
    return runtimeService().startProcessInstanceByKey(GrantChangeProcess.PROCESS_ID, "LYON-2026", withVariables(
        "changeId", 7L, "changeKind", kind, "requestedAs", by, "awardIncrease", increase, "coach", "coach1"));
  }

  @Test
  void anOfficersLowerAwardIsAppliedAtOnceAndTheCityTold() {
    ProcessInstance change = asked("amendment", "officer", false);
    assertThat(change).isEnded().hasPassedInOrder(APPLY_CHANGE, TELL_THE_CITY, CHANGE_DECIDED).hasNotPassed(DECIDE_CHANGE);
    assertThat(delegatesRun).containsExactly(APPLY, TELL);
  }

  @Test
  void anOfficersHigherAwardWaitsForASecondOfficerWhoMayRefuseIt() {
    ProcessInstance change = asked("amendment", "officer", true);
    assertThat(change).isWaitingAt(APPROVE_INCREASE);
    assertThat(task(change)).hasCandidateGroup("programme-officers");
    complete(task(change), withVariables("increaseApproved", false, "approvalNote", "Not within this year's budget."));
    assertThat(change).isEnded().hasPassed(REFUSE_CHANGE).hasNotPassed(APPLY_CHANGE);
    assertThat(delegatesRun).containsExactly(APPROVAL, REFUSE, TELL);
  }

  @Test
  void aCitysBudgetMoveGoesToItsCoachThenAnOfficer() {
    ProcessInstance change = asked("budget-move", "city", false);
    assertThat(change).isWaitingAt(AGREE_BUDGET_MOVE);
    assertThat(task(change)).isAssignedTo("coach1");
    complete(task(change), withVariables("coachAgrees", true));
    assertThat(change).isWaitingAt(DECIDE_CHANGE);
    complete(task(change), withVariables("changeAccepted", true));
    assertThat(change).isEnded().hasPassed(APPLY_CHANGE);
    assertThat(delegatesRun).containsExactly(COACH_ANSWER, DECISION, APPLY, TELL);
  }

  @Test
  void aCitysMoveWithoutACoachYetGoesStraightToAnOfficer() {
    ProcessInstance change = runtimeService().startProcessInstanceByKey(GrantChangeProcess.PROCESS_ID, "LYON-2026",
        withVariables("changeId", 7L, "changeKind", "budget-move", "requestedAs", "city", "awardIncrease", false,
            "coach", null));
    assertThat(change).isWaitingAt(DECIDE_CHANGE);
  }

  @Test
  void aMoveTheCoachDoesNotAgreeToIsRefusedWithoutAnOfficer() {
    ProcessInstance change = asked("budget-move", "city", false);
    complete(task(change), withVariables("coachAgrees", false, "coachNote", "Keep it for the experiments."));
    assertThat(change).isEnded().hasPassed(REFUSE_CHANGE).hasNotPassed(DECIDE_CHANGE);
    assertThat(delegatesRun).containsExactly(COACH_ANSWER, REFUSE, TELL);
  }

  @Test
  void aCitysRequestGoesToAnOfficerAndARiseThenToASecondOne() {
    ProcessInstance change = asked("amendment", "city", true);
    assertThat(change).isWaitingAt(DECIDE_CHANGE);
    complete(task(change), withVariables("changeAccepted", true));
    assertThat(change).isWaitingAt(APPROVE_INCREASE);
    complete(task(change), withVariables("increaseApproved", true));
    assertThat(change).isEnded().hasPassed(APPLY_CHANGE);
    assertThat(delegatesRun).containsExactly(DECISION, APPROVAL, APPLY, TELL);
  }

  @Test
  void aRequestAnOfficerRefusesIsRefused() {
    ProcessInstance change = asked("stop", "coach", false);
    complete(task(change), withVariables("changeAccepted", false, "decisionNote", "Let us talk first."));
    assertThat(change).isEnded().hasPassed(REFUSE_CHANGE).hasNotPassed(APPLY_CHANGE);
  }
}
