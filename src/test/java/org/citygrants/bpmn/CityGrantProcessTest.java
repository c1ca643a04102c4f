package org.citygrants.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.citygrants.grant.GrantRoles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first paths of bpmn/city-grant.bpmn on the engine alone (tier 1), delegates mocked, the
 * sizing and advance DMNs real: application (complete or asked for), sizing, decline, award, the
 * city's acceptance or question (answered, or the grant sized again), coach assignment and the
 * start of preparation time.
 */
@Deployment(resources = {"bpmn/city-grant.bpmn", "bpmn/grant-sizing.dmn", "bpmn/advance-rate.dmn"})
class CityGrantProcessTest extends EngineOnlyTest {

  static final String GRANT = "LYON-2026";
  static final long DAY = 24L * 3600 * 1000;

  /**
   * What the application form gives the sizing DMN (open tender, co-design, 520,000 inhabitants) and
   * the amount asked for, which prefills the officer's decision.
   */
  static final Map<String, Object> APPLICATION = Map.of("procurementRoute", "open-tender",
      "participationDepth", "co-design", "population", 520_000L, "requestedAmount", 45_000L);

  @BeforeEach
  void delegates() {
    for (String delegate : new String[] {"recordApplicationDelegate", "recordSizingDecisionDelegate",
        "notifyApplicationDeclinedDelegate", "grantCoachAccessDelegate", "sendAwardTermsDelegate",
        "recordAwardAcceptanceDelegate"}) {
      mockDelegate(delegate);
    }
    // who works on the grant's tasks comes from the grant register (grantRoles), here Lyon's team and coach1
    GrantRoles roles = mock(GrantRoles.class);
    when(roles.cityTeam(any())).thenReturn("city-lyon");
    when(roles.coach(any())).thenReturn("coach1");
    Mocks.register("grantRoles", roles);
    mockDelegate("schedulePreparationDelegate", execution -> {
      execution.setVariable("preparationReminderDate", new Date(System.currentTimeMillis() + 76 * DAY));
      execution.setVariable("preparationDueDate", new Date(System.currentTimeMillis() + 90 * DAY));
    });
  }

  /** A city applies; the registration says whether the start form already held the whole application. */
  ProcessInstance apply(boolean complete) {
    mockDelegate("registerGrantDelegate", execution -> {
      execution.setVariable("cityCode", "lyon");
      execution.setVariable("grantReference", GRANT);
      execution.setVariable("applicationComplete", complete);
    });
    return runtimeService().startProcessInstanceByKey("city-grant", GRANT, complete ? APPLICATION : Map.of());
  }

  @Test
  void aCompleteApplicationIsSizedByTheDmnAndADeclineNotifiesTheCityAfterwards() {
    ProcessInstance grant = apply(true);

    assertThat(grant).isWaitingAt(SIZE_GRANT).hasNotPassed(SUBMIT_APPLICATION)
        .variables().containsEntry("proposedPreparationTime", "P6M").containsEntry("proposedAmountMin", 40000L)
        .as("the proposal prefills the officer's decision").containsEntry("awardedAmount", 45000L)
        .containsEntry("preparationTime", "P6M").containsEntry("programmeDuration", "P18M");
    assertThat(task(grant)).hasCandidateGroup("programme-officers");

    complete(task(grant), withVariables("sizingDecision", "decline"));

    // the notice to the city is sent in its own transaction, after the decision has committed
    assertThat(grant).isWaitingAt("Task_NotifyApplicationDeclined");
    execute(job(grant));
    assertThat(grant).isEnded().hasPassed("Event_ApplicationDeclined").hasNotPassed(ASSIGN_COACH);
    assertThat(delegatesRun).containsExactly("registerGrantDelegate", "recordApplicationDelegate",
        "recordSizingDecisionDelegate", "notifyApplicationDeclinedDelegate");
  }

  @Test
  void anIncompleteApplicationAsksTheCityToSubmitItFirst() {
    ProcessInstance grant = apply(false);

    assertThat(grant).isWaitingAt(SUBMIT_APPLICATION);
    assertThat(task(grant)).hasCandidateGroup("city-lyon");
    complete(task(grant), APPLICATION);

    assertThat(grant).isWaitingAt(SIZE_GRANT).hasPassedInOrder(SUBMIT_APPLICATION, "Task_RecordApplication",
        "Task_ProposeSizing");
  }

  @Test
  void anAwardGoesToCoachAssignmentThenPreparationOpensTheCitysBranchesAndItsWatch() {
    ProcessInstance grant = apply(true);
    complete(task(grant), withVariables("sizingDecision", "award", "awardedAmount", 40000.0));

    // the city reads the terms (with the advance the rules let it expect) and accepts them
    assertThat(grant).isWaitingAt(ACCEPT_AWARD).hasPassedInOrder(ESTIMATE_ADVANCE, SEND_AWARD_TERMS)
        .variables().containsEntry("advanceRatePercent", 30L);
    assertThat(task(grant)).hasCandidateGroup("city-lyon");
    complete(task(grant), withVariables("awardResponse", "accept"));

    assertThat(grant).isWaitingAt(ASSIGN_COACH).hasPassed(RECORD_AWARD_ACCEPTANCE);
    assertThat(task(grant)).hasCandidateGroup("programme-managers");
    complete(task(grant), withVariables("coach", "coach1"));

    // onboarding, then the planning canvas; the authorisations and the procurement plan beside them
    assertThat(grant).isWaitingAt(COMPLETE_METHOD_ONBOARDING, OBTAIN_INTERNAL_AUTHORISATIONS, SUBMIT_PROCUREMENT_PLAN,
        "Event_PreparationReminderDue");
    assertThat(taskQuery().taskCandidateGroup("city-lyon").count()).isEqualTo(3);
    complete(task(COMPLETE_METHOD_ONBOARDING, grant));
    assertThat(grant).isWaitingAt(PLAN_EXPERIMENTATION, OBTAIN_INTERNAL_AUTHORISATIONS, SUBMIT_PROCUREMENT_PLAN,
        "Event_PreparationReminderDue");
    assertThat(delegatesRun).containsSubsequence("recordSizingDecisionDelegate", "sendAwardTermsDelegate",
        "recordAwardAcceptanceDelegate", "grantCoachAccessDelegate", "schedulePreparationDelegate")
        .doesNotContain("notifyApplicationDeclinedDelegate");
  }

  @Test
  void aQuestionOnTheAwardGoesToAnOfficerWhoAnswersOrSizesTheGrantAgain() {
    ProcessInstance grant = apply(true);
    complete(task(grant), withVariables("sizingDecision", "award", "awardedAmount", 40000.0));
    complete(task(grant), withVariables("awardResponse", "question", "awardQuestion", "Can the advance come earlier?"));

    assertThat(grant).isWaitingAt(ANSWER_AWARD_QUESTION).hasNotPassed(RECORD_AWARD_ACCEPTANCE);
    assertThat(task(grant)).hasCandidateGroup("programme-officers");
    complete(task(grant), withVariables("awardQuestionAnswer", "Only after procurement approval.", "resizeAward", false));

    // the city decides again, with the answer beside its question and a fresh choice
    assertThat(grant).isWaitingAt(ACCEPT_AWARD).variables()
        .containsEntry("lastAwardQuestion", "Can the advance come earlier?")
        .containsEntry("awardQuestionAnswer", "Only after procurement approval.")
        .containsEntry("awardResponse", null).containsEntry("awardQuestion", null);
    assertThat(task(grant)).hasCandidateGroup("city-lyon");
    complete(task(grant), withVariables("awardResponse", "question", "awardQuestion", "Could the amount be 45,000?"));
    complete(task(ANSWER_AWARD_QUESTION, grant), withVariables("awardQuestionAnswer", "Yes: see the new terms.",
        "resizeAward", true));

    // sized again: the new terms are sent, the capital is still closed
    assertThat(grant).isWaitingAt(SIZE_GRANT);
    complete(task(grant), withVariables("sizingDecision", "award", "awardedAmount", 45000.0));
    assertThat(grant).isWaitingAt(ACCEPT_AWARD);
    complete(task(grant), withVariables("awardResponse", "accept"));
    assertThat(grant).isWaitingAt(ASSIGN_COACH);
    assertThat(delegatesRun).containsSubsequence("sendAwardTermsDelegate", "recordSizingDecisionDelegate",
        "sendAwardTermsDelegate", "recordAwardAcceptanceDelegate");
  }
}
