package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.payment.PublishLedgerFiguresListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report forms show live ledger figures: {@code publishLedgerFiguresListener} publishes them
 * on the task's execution, as the task listener on Task_SubmitProgressReport and
 * Task_SubmitFinalReport in bpmn/city-grant.bpmn does; the second test runs a grant through both reports.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class PublishLedgerFiguresListenerTest extends ApiTest {

  @Autowired PublishLedgerFiguresListener listener;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired RepositoryService repositoryService;

  @Test
  void theListenerPublishesTheGrantsLiveFiguresOnTheTasksExecution() {
    String grant = grantInPreparation("lyon", "coach1");
    Task task = journey.task(grant, COMPLETE_METHOD_ONBOARDING);

    engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      listener.notify(context.getTaskManager().findTaskById(task.getId()));
      return null;
    });

    Map<String, Object> variables = taskService.getVariables(task.getId());
    assertThat(variables).containsEntry("ledgerAwarded", 40000.0).containsEntry("ledgerCommitted", 0.0)
        .containsEntry("ledgerPaid", 0.0).containsEntry("ledgerReportedSpent", 0.0)
        .containsEntry("ledgerAvailable", 40000.0);
    assertThat(journey.variable(grant, "ledgerAwarded")).as("on the process instance").isEqualTo(40000.0);
  }

  @Test
  void bothReportFormsShowTheFiguresOfTheMomentTheTaskIsCreated() {
    String grant = grantWithApprovedActivities("lyon", "coach1");

    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    assertFiguresOnTask(grant, SUBMIT_PROGRESS_REPORT);
    assertThat(taskVariables(grant, SUBMIT_PROGRESS_REPORT)).containsEntry("ledgerPaid", 12000.0);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, "lyon", progressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));

    // one experiment of 20,000, spent, its tranche paid; then the transition
    journey.complete(grant, PLAN_EXPERIMENT, "lyon", experimentPlan(20000, 8));
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, "coach1", experimentPlanReview(true));
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    journey.complete(grant, HOLD_MID_CYCLE_CHECK_IN, "coach1", checkIn());
    journey.fireTimer(grant, EXPERIMENT_ENDED);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, "lyon", experimentReport(20000, false));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, "coach1", experimentOutcome(true, "persevere", false));
    if (journey.openTaskKeys(grant).contains(org.citygrants.process.PaymentProcess.Elements.REQUEST_PAYMENT)) {
      payOpenPayment(grant);
    }
    journey.complete(grant, SUBMIT_TRANSITION_PLAN, "lyon", transitionPlan());
    journey.complete(grant, REVIEW_TRANSITION_PLAN, "coach1", transitionReview(true));

    assertFiguresOnTask(grant, SUBMIT_FINAL_REPORT);
    assertThat(taskVariables(grant, SUBMIT_FINAL_REPORT)).containsEntry("ledgerReportedSpent", 20000.0);
    assertThat((Double) taskVariables(grant, SUBMIT_FINAL_REPORT).get("ledgerPaid")).isGreaterThan(12000.0);
  }

  private void assertFiguresOnTask(String grant, String taskKey) {
    GrantStatement statement = ledger.statement(grant);
    assertThat(taskVariables(grant, taskKey))
        .containsEntry("ledgerAwarded", statement.awarded().doubleValue())
        .containsEntry("ledgerCommitted", statement.committed().doubleValue())
        .containsEntry("ledgerPaid", statement.paid().doubleValue())
        .containsEntry("ledgerReportedSpent", statement.reportedSpent().doubleValue())
        .containsEntry("ledgerAvailable", statement.available().doubleValue());
  }
}
