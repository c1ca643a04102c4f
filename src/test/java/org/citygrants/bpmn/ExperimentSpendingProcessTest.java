package org.citygrants.bpmn;

import org.citygrants.process.CityGrantProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.citygrants.grant.GrantRoles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The end of an experiment cycle in bpmn/city-grant.bpmn on the engine alone (tier 1): spending
 * reported above the committed budget is flagged to the coach and goes to a programme officer,
 * who approves or refuses it with a reason before the tranche is calculated; within the budget
 * nobody is asked; and the coach's feedback field starts empty on each round of a report. The
 * delegates are mocks (the ledger's rules are in ledger/LedgerServiceContract).
 */
@Deployment(resources = "bpmn/city-grant.bpmn")
class ExperimentSpendingProcessTest extends EngineOnlyTest {

  static final String FLAG = "reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed";

  /** What the ledger would say of the current report: above the budget or not. */
  boolean spentAbove;

  @BeforeEach
  void delegates() {
    GrantRoles roles = mock(GrantRoles.class);
    when(roles.cityTeam(any())).thenReturn("city-lyon");
    when(roles.coach(any())).thenReturn("coach1");
    Mocks.register("grantRoles", roles);
    Mocks.register("showSpendingFlagListener", (TaskListener) task -> {
      delegatesRun.add("showSpendingFlagListener");
      task.getExecution().setVariable(CityGrantProcess.SPENDING_FLAG.name(), spentAbove ? FLAG : "");
    });
    mockDelegate("recordExperimentOutcomeDelegate", execution -> {
      execution.setVariable(CityGrantProcess.SPENT_ABOVE_BUDGET.name(), spentAbove);
      execution.setVariable(CityGrantProcess.SPENDING_FLAG.name(), spentAbove ? FLAG : "");
    });
    mockDelegate("recordExcessSpendingDecisionDelegate", execution -> {
      // what the real delegate reads: the officer's decision and reason, at the process's level
      assertThat(execution.getVariable(CityGrantProcess.EXCESS_SPENDING_DECISION.name())).isEqualTo("approve");
      assertThat(execution.getVariable(CityGrantProcess.EXCESS_SPENDING_REASON.name()))
          .isEqualTo("Sensor prices rose by half; the committee agreed.");
    });
    mockDelegate("shareWinDelegate");
    mockDelegate("calculateTrancheDelegate", execution -> execution.setVariable("trancheAmount", 0.0));
    mockDelegate("evaluateNextCycleDelegate", execution -> execution.setVariable("anotherExperiment", false));
  }

  /** Experiment 1 of Lyon's grant has ended and the city reported 9,000 (6,000 were committed). */
  ProcessInstance reportedAndWaitingForTheCoach() {
    Map<String, Object> variables = new HashMap<>(Map.of("experimentNumber", 1L, "experimentTitle", "Schoolyards",
        "experimentBudget", 6000L, "experimentSpent", 9000L));
    return runtimeService().createProcessInstanceByKey("city-grant").businessKey("LYON-2026")
        .startBeforeActivity(DECIDE_EXPERIMENT_OUTCOME).setVariables(variables).execute();
  }

  Map<String, Object> accepted() {
    return withVariables("experimentReportAccepted", true, "experimentOutcome", "persevere", "winFlagged", false);
  }

  @Test
  void spendingAboveTheBudgetIsFlaggedToTheCoachAndDecidedByAnOfficerWithAReasonBeforeAnyTranche() {
    spentAbove = true;
    ProcessInstance grant = reportedAndWaitingForTheCoach();

    assertThat(grant).isWaitingAt(DECIDE_EXPERIMENT_OUTCOME);
    assertThat(taskService().getVariable(task(grant).getId(), "spendingFlag")).as("the coach's form shows it")
        .isEqualTo(FLAG);
    complete(task(grant), accepted());

    assertThat(grant).isWaitingAt(CityGrantProcess.Elements.DECIDE_EXCESS_SPENDING)
        .hasPassedInOrder("Task_RecordExperimentOutcome", CityGrantProcess.Elements.GATEWAY_SPENT_ABOVE_BUDGET);
    assertThat(task(grant)).hasCandidateGroup("programme-officers");
    assertThat(task(grant).getDescription()).as("in the task and its mail")
        .startsWith("Spending above the committed budget: " + FLAG + ".");
    assertThat(delegatesRun).doesNotContain("calculateTrancheDelegate");

    complete(task(grant), withVariables("excessSpendingDecision", "approve",
        "excessSpendingReason", "Sensor prices rose by half; the committee agreed."));

    assertThat(grant).hasPassedInOrder(CityGrantProcess.Elements.DECIDE_EXCESS_SPENDING,
        CityGrantProcess.Elements.RECORD_EXCESS_SPENDING_DECISION, "Gateway_ExcessSpendingDecided", "Task_CalculateTranche");
    assertThat(delegatesRun).containsSubsequence("recordExperimentOutcomeDelegate",
        "recordExcessSpendingDecisionDelegate", "calculateTrancheDelegate");
    assertThat(grant).isWaitingAt(SUBMIT_TRANSITION_PLAN);
  }

  @Test
  void spendingWithinTheBudgetAsksNobody() {
    spentAbove = false;
    ProcessInstance grant = reportedAndWaitingForTheCoach();
    assertThat(taskService().getVariable(task(grant).getId(), "spendingFlag")).isEqualTo("");

    complete(task(grant), accepted());

    assertThat(grant).hasPassed(CityGrantProcess.Elements.GATEWAY_SPENT_ABOVE_BUDGET, "Gateway_ExcessSpendingDecided",
        "Task_CalculateTranche").hasNotPassed(CityGrantProcess.Elements.DECIDE_EXCESS_SPENDING);
    assertThat(delegatesRun).doesNotContain("recordExcessSpendingDecisionDelegate");
    assertThat(grant).isWaitingAt(SUBMIT_TRANSITION_PLAN);
  }

  @Test
  void theCoachsFeedbackStartsEmptyOnTheNextRoundWhileTheCityReadsIt() {
    spentAbove = false;
    ProcessInstance grant = reportedAndWaitingForTheCoach();
    complete(task(grant), withVariables("experimentReportAccepted", false,
        "experimentReportFeedback", "Add the receipts of the workshops."));

    assertThat(grant).isWaitingAt(REPORT_EXPERIMENT_RESULTS);
    assertThat(taskService().getVariable(task(grant).getId(), "experimentReportFeedback")).as("the city reads it")
        .isEqualTo("Add the receipts of the workshops.");
    complete(task(grant), withVariables("experimentSpent", 9000L));

    assertThat(grant).isWaitingAt(DECIDE_EXPERIMENT_OUTCOME);
    assertThat(taskService().getVariable(task(grant).getId(), "experimentReportFeedback"))
        .as("the coach's form starts empty").isNull();
    complete(task(grant), accepted());
    assertThat(runtimeService().getVariable(grant.getId(), "experimentReportFeedback"))
        .as("an accepted report leaves no feedback behind for the next experiment").isNull();
  }
}
