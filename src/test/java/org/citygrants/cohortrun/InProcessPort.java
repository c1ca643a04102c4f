package org.citygrants.cohortrun;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.citygrants.grant.EarlyStop;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.ProcessGateway;

/**
 * The cohort driver's port inside the application: tasks are completed and grants stopped
 * through the {@link ProcessGateway}, as Tasklist and the REST API do; what the driver reads
 * (open tasks, timers, history, the ledger) comes from the engine's and the ledger's services.
 */
public final class InProcessPort implements GrantPort {

  private final ProcessGateway gateway;
  private final EarlyStop earlyStop;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final LedgerService ledger;
  private final Map<String, String> activityByJobDefinition = new java.util.concurrent.ConcurrentHashMap<>();

  public InProcessPort(ProcessGateway gateway, EarlyStop earlyStop, RuntimeService runtimeService, TaskService taskService,
      HistoryService historyService, ManagementService managementService, LedgerService ledger) {
    this.gateway = gateway;
    this.earlyStop = earlyStop;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.ledger = ledger;
  }

  @Override
  public String apply(String cityUser, Map<String, Object> application) {
    return gateway.applyForGrant(cityUser, application).getBusinessKey();
  }

  @Override
  public List<OpenTask> openTasks(String grant) {
    return taskService.createTaskQuery().processInstanceBusinessKey(grant).orderByTaskCreateTime().asc().list().stream()
        .map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey())).toList();
  }

  @Override
  public Object taskVariable(String user, String taskId, String name) {
    return taskService.getVariable(taskId, name);
  }

  @Override
  public void complete(String user, String taskId, Map<String, Object> variables) {
    try {
      gateway.completeTask(user, taskId, variables);
    } catch (ProcessGateway.ConcurrentChangeException | OptimisticLockingException e) {
      throw new ConflictException(e.getMessage(), e);
    }
  }

  @Override
  public long completedTasks(String grant, String taskKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(grant)
        .taskDefinitionKey(taskKey).finished().count();
  }

  @Override
  public List<WaitingTimer> timers(String grant) {
    Set<String> instances = instances(grant);
    if (instances.isEmpty()) {
      return List.of();
    }
    return managementService.createJobQuery().timers().processInstanceIds(instances).list().stream()
        .map(job -> new WaitingTimer(job.getId(), activityOf(job), job.getDuedate().toInstant())).toList();
  }

  /** The activity a job belongs to, through its job definition (one per timer or async step). */
  private String activityOf(org.camunda.bpm.engine.runtime.Job job) {
    return activityByJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id ->
        managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId());
  }

  @Override
  public void bringDue(String jobId) {
    try {
      managementService.setJobDuedate(jobId, new Date());
    } catch (OptimisticLockingException e) {
      throw new ConflictException(e.getMessage(), e);
    }
  }

  @Override
  public long pendingJobs(String grant) {
    Set<String> instances = instances(grant);
    return instances.isEmpty() ? 0 : managementService.createJobQuery().processInstanceIds(instances).executable().count();
  }

  @Override
  public List<String> incidents(String grant) {
    Set<String> instances = instances(grant);
    if (instances.isEmpty()) {
      return List.of();
    }
    return runtimeService.createIncidentQuery().list().stream()
        .filter(incident -> instances.contains(incident.getProcessInstanceId()))
        .map(Incident::getIncidentMessage).toList();
  }

  @Override
  public void earlyStop(String officer, String grant, String reason) {
    try {
      earlyStop.request(officer, grant, reason);
    } catch (OptimisticLockingException e) {
      throw new ConflictException(e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> endEvent(String grant) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(grant).processDefinitionKey(CityGrantProcess.PROCESS_ID).finished().singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    // the end event of the process or of the event sub-process (early stop, stop by decision) that ended it
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityType("noneEndEvent").list().stream()
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId)
        .filter(GRANT_ENDS::contains).findFirst().or(() -> Optional.ofNullable(instance.getEndActivityId()));
  }

  /** The end events at which a grant's city-grant instance can end. */
  static final Set<String> GRANT_ENDS = Set.of(CityGrantProcess.Elements.GRANT_COMPLETED,
      CityGrantProcess.Elements.APPLICATION_DECLINED, CityGrantProcess.Elements.GRANT_STOPPED_EARLY,
      CityGrantProcess.Elements.GRANT_CLOSED_AFTER_STOP);

  @Override
  public Optional<LedgerCheck> ledger(String grant) {
    try {
      GrantStatement statement = ledger.statement(grant);
      return Optional.of(new LedgerCheck(statement.balanced(),
          statement.status() == org.citygrants.ledger.GrantAccount.Status.CLOSED, statement.paid(),
          statement.recovered(), statement.payments().size(), statement.imbalances().toString()));
    } catch (UnknownLedgerKeyException e) {
      return Optional.empty();
    }
  }

  private Set<String> instances(String grant) {
    Set<String> ids = new HashSet<>();
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(grant).list().stream()
        .map(ProcessInstance::getId).forEach(ids::add);
    return ids;
  }
}
