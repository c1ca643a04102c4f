package org.citygrants.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.grant.EarlyStop;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway;
import org.springframework.stereotype.Component;

/**
 * Drives grants as their users would: every task is completed through the process gateway as
 * the person it is routed to; timers and async steps are run explicitly by activity id.
 */
@Component
public class GrantJourney {

  private final ProcessGateway gateway;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final EarlyStop earlyStop;

  public GrantJourney(ProcessGateway gateway, TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService, EarlyStop earlyStop) {
    this.gateway = gateway;
    this.earlyStop = earlyStop;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  public ProcessGateway gateway() {
    return gateway;
  }

  /** The officers' early stop (grant.EarlyStop). */
  public EarlyStop earlyStop() {
    return earlyStop;
  }

  /** Applies as a city user and returns the grant reference (business key). */
  public String apply(String cityUser, Map<String, Object> application) {
    ProcessInstance instance = gateway.applyForGrant(cityUser, application);
    return instance.getBusinessKey();
  }

  /** The one open task with this definition key in the grant (main instance or a called one). */
  public Task task(String grantReference, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(grantReference)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open tasks %s of %s (open: %s)", taskKey, grantReference, openTaskKeys(grantReference)).hasSize(1);
    return tasks.get(0);
  }

  public List<String> openTaskKeys(String grantReference) {
    return taskService.createTaskQuery().processInstanceBusinessKey(grantReference).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public void complete(String grantReference, String taskKey, String user, Map<String, Object> variables) {
    gateway.completeTask(user, task(grantReference, taskKey).getId(), variables);
    runAsyncJobs();
  }

  /** Fires the timer waiting at this activity in the grant, whatever its due date. */
  public void fireTimer(String grantReference, String activityId) {
    Job job = onlyJob(grantReference, activityId, true);
    managementService.executeJob(job.getId());
    runAsyncJobs();
  }

  public boolean hasTimer(String grantReference, String activityId) {
    return !jobs(grantReference, activityId, true).isEmpty();
  }

  /** Runs every due async continuation (payments, notices, wins) until none is left. */
  public void runAsyncJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }

  public List<String> processInstanceIds(String grantReference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grantReference).list().stream()
        .map(ProcessInstance::getId).toList();
  }

  public ProcessInstance mainInstance(String grantReference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grantReference)
        .processDefinitionKey("city-grant").singleResult();
  }

  /** Whether the grant's city-grant instance ended at the given end event. */
  public boolean endedAt(String grantReference, String endEventId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(grantReference)
        .processDefinitionKey("city-grant").finished().count() == 1
        && historyService.createHistoricActivityInstanceQuery().activityId(endEventId)
            .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(grantReference).processDefinitionKey("city-grant").singleResult().getId())
            .count() == 1;
  }

  public Object variable(String grantReference, String name) {
    return runtimeService.getVariable(mainInstance(grantReference).getId(), name);
  }

  // --- steps shared by the test suites: the users' usual answers ---------------------------

  /** A member of the city team accepts the award's terms (after the officer awarded the grant). */
  public void acceptAward(String grant, String cityUser) {
    complete(grant, ACCEPT_AWARD, cityUser, FormData.acceptAward());
  }

  /** The city's four preparation tasks, then an officer approves the procurement plan. */
  public void cityPrepares(String grant, String cityUser, String officer) {
    complete(grant, COMPLETE_METHOD_ONBOARDING, cityUser, methodOnboarding());
    complete(grant, PLAN_EXPERIMENTATION, cityUser, planningCanvas());
    complete(grant, OBTAIN_INTERNAL_AUTHORISATIONS, cityUser, internalAuthorisations());
    complete(grant, SUBMIT_PROCUREMENT_PLAN, cityUser, procurementPlan());
    complete(grant, REVIEW_PROCUREMENT_PLAN, officer, procurementReview(true));
  }

  /** finance1 requests the proposed amount of the grant's open payment. */
  public void requestOpenPayment(String grant) {
    Object proposed = taskService.getVariable(task(grant, PaymentProcess.Elements.REQUEST_PAYMENT).getId(),
        PaymentProcess.PROPOSED_PAYMENT_AMOUNT.name());
    complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance1", requestPayment(((Number) proposed).doubleValue()));
  }

  /** finance1 requests the proposed amount of the open payment and finance2 approves it (four eyes). */
  public void payOpenPayment(String grant) {
    requestOpenPayment(grant);
    complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance2", approvePayment(true));
  }

  /** The coach confirms readiness; the city forms its committee, which the coach convenes and which approves. */
  public void readyAndCommitteeApproves(String grant, String cityUser, String coach) {
    complete(grant, CONFIRM_READINESS, coach, readiness(true));
    complete(grant, FORM_INVESTMENT_COMMITTEE, cityUser, committee());
    complete(grant, DECIDE_COMMITTEE_CONVENING, coach, conveneNow());
    complete(grant, RECORD_COMMITTEE_REVIEW, coach, committeeReview("approve"));
  }

  private Job onlyJob(String grantReference, String activityId, boolean timer) {
    List<Job> jobs = jobs(grantReference, activityId, timer);
    assertThat(jobs).as("jobs at %s in %s", activityId, grantReference).hasSize(1);
    return jobs.get(0);
  }

  private List<Job> jobs(String grantReference, String activityId, boolean timer) {
    return processInstanceIds(grantReference).stream()
        .flatMap(id -> (timer ? managementService.createJobQuery().timers() : managementService.createJobQuery().messages())
            .processInstanceId(id).activityId(activityId).list().stream())
        .toList();
  }
}
