package org.citygrants.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

  public GrantJourney(ProcessGateway gateway, TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService) {
    this.gateway = gateway;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  public ProcessGateway gateway() {
    return gateway;
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
