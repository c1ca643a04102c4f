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
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.cohortrun.TimedPort.Latencies;

/**
 * The bare engine beside the application: Camunda's standalone configuration with its defaults
 * (no Spring, no plugins, no parse listeners, authorisations off), FULL history like the
 * application, its own job executor and its own database on the same PostgreSQL server. It runs
 * {@code bench/bare-grant.bpmn}: as many plain user tasks and timers as a straight grant of the
 * lifecycle, no delegates or listeners. Instances are driven like the cohort: each client thread
 * plays its share round after round, reading the instance's state (ended? jobs pending? open
 * tasks? timers?) before each step, completing tasks in one transaction shaped like
 * {@code ProcessGateway.completeTask} (task read, candidate check, claim, complete with form
 * variables), timers brought due with {@code setJobDuedate} for the job executor to fire.
 */
final class BareBaseline implements AutoCloseable {

  static final String PROCESS = "bare-grant";
  private static final String USER = "bareteam";
  private static final String GROUP = "barecity";

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;

  BareBaseline(String jdbcUrl, String user, String password) {
    configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("bare-baseline")
        .setJdbcUrl(jdbcUrl)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUsername(user)
        .setJdbcPassword(password)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(true);
    // the application's engine (Spring Boot starter) uses UUIDs; the same here, so that ids cost the same
    configuration.setIdGenerator(new StrongUuidGenerator());
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(GrantsBenchmark.JOB_WAIT_MILLIS);
    jobExecutor.setMaxWait(GrantsBenchmark.JOB_MAX_WAIT_MILLIS);
    configuration.setJobExecutor(jobExecutor);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bare-baseline")
        .addClasspathResource("bench/bare-grant.bpmn").enableDuplicateFiltering(true).deploy();
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("Bare city");
      identity.saveGroup(group);
      User u = identity.newUser(USER);
      u.setPassword("demo-bare");
      identity.saveUser(u);
      identity.createMembership(USER, GROUP);
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
            engine.getIdentityService().setAuthentication(USER, List.of(GROUP));
            try {
              engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key, Map.of("applicant", USER));
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
            long start = System.nanoTime();
            complete(open.get(0).getId());
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

  /** As ProcessGateway.completeTask: one transaction, the person's identity, claim when unassigned. */
  private void complete(String taskId) {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      IdentityService identity = engine.getIdentityService();
      List<String> groups = identity.createGroupQuery().groupMember(USER).list().stream().map(Group::getId).toList();
      identity.setAuthentication(USER, groups);
      try {
        var tasks = engine.getTaskService();
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task.getAssignee() == null) {
          if (tasks.createTaskQuery().taskId(taskId).taskCandidateUser(USER).count() != 1) {
            throw new IllegalStateException("task " + taskId + " is not for " + USER);
          }
          tasks.claim(taskId, USER);
        }
        tasks.complete(taskId, Map.of("decision", "approve", "comment", "Looks good to us, go ahead.",
            "decidedOn", "2026-06-01", "amount", 12000));
        return null;
      } finally {
        identity.clearAuthentication();
      }
    });
  }

  @Override
  public void close() {
    engine.close();
  }
}
