package org.citygrants.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.cohortrun.TimedPort.Latencies;

/**
 * The bare engine beside the application: Camunda's standalone configuration with its defaults
 * (no Spring, no plugins of the application, FULL history like the application), its own job
 * executor and its own database on the same PostgreSQL server. It runs {@code bench/bare-grant.bpmn}:
 * as many plain user tasks and timers as a straight grant of the lifecycle, no delegates.
 * Instances are driven like the cohort: each client thread plays its share round after round,
 * reading the instance's state (ended? jobs pending? open tasks? timers?) before each step,
 * completing tasks in one command shaped like {@code ProcessGateway.completeTask} (the person's
 * groups, then task read, claim when unassigned, complete with form variables), timers brought due
 * with {@code setJobDuedate} for the job executor to fire.
 *
 * <p>Two variants run in the same benchmark (issue 17, "an honest baseline"):
 * <ul>
 *   <li><b>authorisations off</b>: the engine's defaults;</li>
 *   <li><b>authorisations on</b>: the application's authorisation settings (authorisations on,
 *       historic instance permissions, TASK_WORK for candidates), {@value #CITIES} city groups with
 *       one member each and {@value #COACHES} coaches; each instance is started and each task
 *       completed as its city's user, and the engine writes the same READ rows per instance as
 *       {@code GrantAccessService} does (the city group and the coach on the instance and its
 *       history when it starts, the coach on each task when it is created), inside the command
 *       that creates the resource.</li>
 * </ul>
 */
final class BareBaseline implements AutoCloseable {

  static final String PROCESS = "bare-grant";
  static final int CITIES = 50;
  static final int COACHES = 10;

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;
  private final boolean authorizations;

  BareBaseline(String jdbcUrl, String user, String password, boolean authorizations) {
    this.authorizations = authorizations;
    configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName(authorizations ? "bare-baseline-auth" : "bare-baseline")
        .setJdbcUrl(jdbcUrl)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUsername(user)
        .setJdbcPassword(password)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(true);
    // the application's engine (Spring Boot starter) uses UUIDs; the same here, so that ids cost the same
    configuration.setIdGenerator(new StrongUuidGenerator());
    if (authorizations) {
      // the application's settings (application.yaml, camunda.bpm.authorization and generic-properties)
      configuration.setAuthorizationEnabled(true);
      configuration.setEnableHistoricInstancePermissions(true);
      configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
      configuration.setCustomPreBPMNParseListeners(List.of(new GrantAccessRows()));
    }
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(GrantsBenchmark.JOB_WAIT_MILLIS);
    jobExecutor.setMaxWait(GrantsBenchmark.JOB_MAX_WAIT_MILLIS);
    configuration.setJobExecutor(jobExecutor);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bare-baseline")
        .addClasspathResource("bench/bare-grant.bpmn").enableDuplicateFiltering(true).deploy();
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(cityGroup(0)).count() == 0) {
      for (int c = 0; c < CITIES; c++) {
        Group group = identity.newGroup(cityGroup(c));
        group.setName("Bare city " + c);
        identity.saveGroup(group);
        User u = identity.newUser(cityUser(c));
        u.setPassword("demo-bare");
        identity.saveUser(u);
        identity.createMembership(cityUser(c), cityGroup(c));
        if (authorizations) { // the city may start a grant, as the application's cities may apply
          AuthorizationService auth = engine.getAuthorizationService();
          saveGrant(auth, cityGroup(c), Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ,
              ProcessDefinitionPermissions.CREATE_INSTANCE);
          saveGrant(auth, cityGroup(c), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
      }
      for (int c = 0; c < COACHES; c++) {
        User u = identity.newUser(coach(c));
        u.setPassword("demo-bare");
        identity.saveUser(u);
      }
    }
  }

  static String cityGroup(int city) {
    return String.format("barecity%02d", city);
  }

  static String cityUser(int city) {
    return String.format("bareteam%02d", city);
  }

  static String coach(int coach) {
    return String.format("barecoach%02d", coach);
  }

  private static void saveGrant(AuthorizationService auth, String group, Resources resource, String resourceId,
      Permission... permissions) {
    Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission permission : permissions) {
      a.addPermission(permission);
    }
    auth.saveAuthorization(a);
  }

  /**
   * The READ rows the application writes for a grant (GrantAccessService), written by the bare
   * engine in the command that creates the resource: on the instance and its history for the city
   * group and the coach when the instance starts; on each new task for the coach.
   */
  private static final class GrantAccessRows extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
        String instance = execution.getProcessInstanceId();
        String city = (String) execution.getVariable("city");
        String coach = (String) execution.getVariable("coach");
        withoutChecks(execution, auth -> {
          for (Resources resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
            insertRead(auth, null, city, resource, instance);
            insertRead(auth, coach, null, resource, instance);
          }
        });
      });
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      definition.addTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) task -> {
        String coach = (String) task.getVariable("coach");
        withoutChecks(task.getExecution(), auth -> insertRead(auth, coach, null, Resources.TASK, task.getId()));
      });
    }

    private static void withoutChecks(DelegateExecution execution,
        java.util.function.Consumer<AuthorizationService> work) {
      AuthorizationService auth = execution.getProcessEngineServices().getAuthorizationService();
      Context.getCommandContext().runWithoutAuthorization(() -> {
        work.accept(auth);
        return null;
      });
    }

    private static void insertRead(AuthorizationService auth, String user, String group, Resources resource,
        String resourceId) {
      Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setUserId(user);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
      a.addPermission(ResourceTypeUtil.getPermissionByNameAndResourceType("READ", resource.resourceType()));
      auth.saveAuthorization(a);
    }
  }

  /** One cohort of instances, played to their end. */
  record Run(int instances, int threads, int ended, long elapsedNanos, Latencies completions, long timers,
      long jobs, long conflicts) {

    double completionsPerSecond() {
      return completions.count() / (elapsedNanos / 1e9);
    }

    Map<String, Object> describe() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("instances", instances);
      map.put("threads", threads);
      map.put("ended", ended);
      map.put("elapsedSeconds", GrantsBenchmark.round(elapsedNanos / 1e9));
      map.put("instancesPerMinute", GrantsBenchmark.round(instances / (elapsedNanos / 6e10)));
      map.put("taskCompletions", completions.count());
      map.put("taskCompletionsPerSecond", GrantsBenchmark.round(completionsPerSecond()));
      map.put("wallMillisPerTask", GrantsBenchmark.round(elapsedNanos * (double) threads / 1e6 / completions.count()));
      map.put("taskCompletion", GrantsBenchmark.percentiles(completions));
      map.put("timersBroughtDue", timers);
      map.put("jobsExecuted", jobs);
      map.put("jobsPerSecond", GrantsBenchmark.round(jobs / (elapsedNanos / 1e9)));
      map.put("conflicts", conflicts);
      return map;
    }
  }

  Run run(String prefix, int instances, int threads, Duration timeout) throws Exception {
    long jobsBefore = engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
    Latencies completions = new Latencies();
    AtomicLong timers = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    long deadline = System.nanoTime() + timeout.toNanos();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> mine = new ArrayList<>();
        for (int i = t; i < instances; i += threads) {
          mine.add(prefix + "-" + i);
        }
        futures.add(pool.submit(() -> {
          for (String key : mine) {
            int n = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
            String user = cityUser(n % CITIES);
            engine.getIdentityService().setAuthentication(user, List.of(cityGroup(n % CITIES)));
            try {
              engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key, Map.of("applicant", user,
                  "city", cityGroup(n % CITIES), "coach", coach(n % COACHES)));
            } finally {
              engine.getIdentityService().clearAuthentication();
            }
          }
          play(mine, deadline, completions, timers, conflicts);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long elapsed = System.nanoTime() - started;
    int ended = (int) engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKeyLike(prefix + "-%").finished().count();
    long jobs = engine.getHistoryService().createHistoricJobLogQuery().successLog().count() - jobsBefore;
    return new Run(instances, threads, ended, elapsed, completions, timers.get(), jobs, conflicts.get());
  }

  /** User tasks and timers of one finished instance, from its history. */
  Map<String, Long> shape(String businessKey) {
    var history = engine.getHistoryService();
    String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    Map<String, Long> shape = new LinkedHashMap<>();
    shape.put("userTasks", history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().count());
    shape.put("timersFired", history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityType("intermediateTimer").finished().count());
    shape.put("jobs", history.createHistoricJobLogQuery().processInstanceId(id).successLog().count());
    return shape;
  }

  private void play(List<String> mine, long deadline, Latencies completions, AtomicLong timers, AtomicLong conflicts) {
    var history = engine.getHistoryService();
    var tasks = engine.getTaskService();
    ManagementService management = engine.getManagementService();
    List<String> active = new ArrayList<>(mine);
    while (!active.isEmpty() && System.nanoTime() < deadline) {
      boolean progressed = false;
      for (var it = active.iterator(); it.hasNext(); ) {
        String key = it.next();
        if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished().count() > 0) {
          it.remove();
          continue;
        }
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
            .singleResult().getId();
        if (management.createJobQuery().processInstanceId(instance).executable().count() > 0) {
          continue;
        }
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc().list();
        try {
          if (!open.isEmpty()) {
            String user = (String) engine.getRuntimeService().getVariable(instance, "applicant");
            long start = System.nanoTime();
            complete(user, open.get(0).getId());
            completions.add(System.nanoTime() - start);
            progressed = true;
            continue;
          }
          List<Job> waiting = management.createJobQuery().timers().processInstanceId(instance).list();
          if (!waiting.isEmpty()) {
            management.setJobDuedate(waiting.get(0).getId(), new Date());
            timers.incrementAndGet();
            progressed = true;
          }
        } catch (OptimisticLockingException e) {
          conflicts.incrementAndGet();
          progressed = true;
        }
      }
      if (!progressed) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * As ProcessGateway.completeTask: the person's groups (a query, as the application's
   * {@code ProcessGateway.as}), then one command with the person's identity: task read, claim when
   * unassigned, complete with the form's variables. With authorisations on, claim and complete are
   * checked against the person's authorisations as in the application.
   */
  private void complete(String user, String taskId) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    configuration.getCommandExecutorTxRequired().execute(context -> {
      identity.setAuthentication(user, groups);
      try {
        var tasks = engine.getTaskService();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
          throw new IllegalStateException("task " + taskId + " is not visible to " + user);
        }
        if (task.getAssignee() == null) {
          tasks.claim(taskId, user);
        }
        tasks.complete(taskId, Map.of("decision", "approve", "comment", "Looks good to us, go ahead.",
            "decidedOn", "2026-06-01", "amount", 12000));
        return null;
      } finally {
        identity.clearAuthentication();
      }
    });
  }

  boolean authorizations() {
    return authorizations;
  }

  /** Authorisation rows per instance of the bare engine (with authorisations on), all instances. */
  long authorizationRows() {
    return engine.getAuthorizationService().createAuthorizationQuery().count();
  }

  @Override
  public void close() {
    engine.close();
  }
}
