package org.citygrants.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.citygrants.CityGrantsApplication;
import org.citygrants.cohortrun.Cast;
import org.citygrants.cohortrun.CohortDriver;
import org.citygrants.cohortrun.CohortReport;
import org.citygrants.cohortrun.GrantPlayer;
import org.citygrants.cohortrun.GrantScenario;
import org.citygrants.cohortrun.InProcessPort;
import org.citygrants.cohortrun.TimedPort;
import org.citygrants.cohortrun.TimedPort.Latencies;
import org.citygrants.grant.EarlyStop;
import org.citygrants.querytuning.AuthorizedGroupIdsLooseScan;
import org.citygrants.querytuning.TaskQueryExistsAuthorization;
import org.citygrants.querytuning.VariableQueryExistsAuthorization;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.ProcessGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of issue 7, in one run on one PostgreSQL server:
 * <ol>
 *   <li>starts the application (the real Spring Boot context: BPMN, delegates, ledger,
 *       authorisations, job executor) on its own database and creates a programme's people;</li>
 *   <li>plays a cohort of grants through the whole lifecycle with one client thread, then a
 *       larger one with several threads ({@link CohortDriver}, 9-scenario mix, every task
 *       completed as its user through {@link ProcessGateway}), and checks every end and ledger;</li>
 *   <li>runs the bare engine ({@link BareBaseline}) the same way on its own database;</li>
 *   <li>fills the application's database to programme scale (grants left in every phase),
 *       runs {@code ANALYZE} and measures Tasklist's filters as their users;</li>
 *   <li>writes {@code results.json} and {@code results.md} and returns the problems found.</li>
 * </ol>
 * Run it with {@code mvn -Pbench test} (see README, Performance) or {@link #main}.
 */
public final class GrantsBenchmark {

  static final String VARIABLE_SCOPE_INDEX = "cg_idx_variable_scope_name";
  static final int JOB_WAIT_MILLIS = 100;
  static final int JOB_MAX_WAIT_MILLIS = 500;

  public record Outcome(Map<String, Object> results, List<String> problems, Path json, Path markdown) {}

  private GrantsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Outcome outcome = run(BenchOptions.fromSystemProperties(defaultOutputDir()));
    System.out.println(Files.readString(outcome.markdown()));
    if (!outcome.problems().isEmpty()) {
      System.err.println("PROBLEMS: " + outcome.problems());
      System.exit(1);
    }
    System.exit(0);
  }

  /** {@code <build directory>/bench}, found from where the test classes are. */
  public static Path defaultOutputDir() {
    try {
      Path testClasses = Path.of(GrantsBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent().resolve("bench");
    } catch (Exception e) {
      return Path.of("target", "bench");
    }
  }

  public static Outcome run(BenchOptions o) throws Exception {
    OffsetDateTime date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    long runStarted = System.nanoTime();
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, Object> phases = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    log("benchmark options " + o.describe());
    try (HeapWatch heap = new HeapWatch(); BenchDatabase db = BenchDatabase.open(o)) {
      results.put("date", date.toString());
      results.put("machine", machine(db));
      results.put("options", o.describe());

      long t = System.nanoTime();
      ConfigurableApplicationContext app = startApplication(db);
      phases.put("applicationStartSeconds", seconds(t));
      Map<String, Object> lifecycle = new LinkedHashMap<>();
      Map<String, Object> scale = new LinkedHashMap<>();
      Map<String, Object> baseline = new LinkedHashMap<>();
      try {
        t = System.nanoTime();
        Cast cast = BenchCast.provision(app, o.cities(), o.coaches());
        phases.put("castSeconds", seconds(t));
        InProcessPort port = new InProcessPort(app.getBean(ProcessGateway.class), app.getBean(EarlyStop.class), app.getBean(RuntimeService.class),
            app.getBean(TaskService.class), app.getBean(HistoryService.class), app.getBean(ManagementService.class),
            app.getBean(LedgerService.class));

        ProcessEngineConfigurationImpl engine =
            ((ProcessEngineImpl) app.getBean(ProcessEngine.class)).getProcessEngineConfiguration();
        DbSqlSessionFactory sql = engine.getDbSqlSessionFactory();
        // the EXISTS check of task queries can be switched off for the lifecycle (-Dbench.existsCheck=false)
        TaskQueryExistsAuthorization.use(sql, o.existsCheck());

        int lifecycleGrants = o.warmUpGrants() + o.singleThreadGrants() + o.grants();
        // 1. the lifecycle and the two bare engines, empty databases, same server: a warm-up of
        // each (not timed), then one thread of each, then several threads of each (issue 17: an
        // honest baseline; a cold JVM made the first timed cohort 7-27% slower)
        log("bare baselines: authorisations off and on, each on its own database");
        try (BareBaseline bareOff = new BareBaseline(db.bareUrl, db.user, db.password, false);
             BareBaseline bareOn = new BareBaseline(db.bareAuthUrl, db.user, db.password, true)) {
          t = System.nanoTime();
          log("warm-up: " + o.warmUpGrants() + " grants and bare instances of each kind, not timed");
          Cohort warmUp = cohort(app, port, cast, o.warmUpGrants(), o.threads(), o.timeout());
          problems.addAll(warmUp.report.problems());
          BareBaseline.Run warmOff = bareOff.run("W", o.warmUpGrants(), o.threads(), o.timeout());
          BareBaseline.Run warmOn = bareOn.run("W", o.warmUpGrants(), o.threads(), o.timeout());
          waitForJobs(app.getBean(ManagementService.class), Duration.ofMinutes(2));
          phases.put("warmUpSeconds", seconds(t));
          long sizeBefore = db.size(db.appUrl);
          Map<String, Long> tablesBefore = db.tableSizes(db.appUrl);
          long bareOffBefore = db.size(db.bareUrl);
          long bareOnBefore = db.size(db.bareAuthUrl);
          long rowsOnBefore = bareOn.authorizationRows();

          t = System.nanoTime();
          Cohort single = cohort(app, port, cast, o.singleThreadGrants(), 1, o.timeout());
          phases.put("lifecycleSingleSeconds", seconds(t));
          Map<String, Object> off1 = bareRun(bareOff, "B1", o.singleThreadGrants(), 1, o, problems);
          Map<String, Object> on1 = bareRun(bareOn, "B1", o.singleThreadGrants(), 1, o, problems);
          t = System.nanoTime();
          Cohort multi = cohort(app, port, cast, o.grants(), o.threads(), o.timeout());
          waitForJobs(app.getBean(ManagementService.class), Duration.ofMinutes(2));
          phases.put("lifecycleMultiSeconds", seconds(t));
          Map<String, Object> offN = bareRun(bareOff, "BN", o.baselineGrants(), o.threads(), o, problems);
          Map<String, Object> onN = bareRun(bareOn, "BN", o.baselineGrants(), o.threads(), o, problems);

          problems.addAll(single.report.problems());
          problems.addAll(multi.report.problems());
          int closed = o.singleThreadGrants() + o.grants();
          long sizeAfter = db.size(db.appUrl);
          lifecycle.put("warmUp", Map.of("grants", o.warmUpGrants(), "threads", o.threads(),
              "grantsEndedAsExpected", warmUp.report.grantsEndedAsExpected(),
              "bareInstancesEnded", warmOff.ended() + " / " + warmOn.ended()));
          lifecycle.put("singleThread", single.describe());
          lifecycle.put("multiThread", multi.describe());
          lifecycle.put("straightGrantShape", straightShape(app, multi.report));
          lifecycle.put("databaseBytesPerClosedGrant", (sizeAfter - sizeBefore) / closed);
          lifecycle.put("largestTablesBytesPerClosedGrant", perGrant(tablesBefore, db.tableSizes(db.appUrl), closed));

          int bareClosed = o.singleThreadGrants() + o.baselineGrants();
          baseline.put("singleThread", off1);
          baseline.put("multiThread", offN);
          baseline.put("instanceShape", bareOff.shape("B1-0"));
          baseline.put("databaseBytesPerClosedInstance", (db.size(db.bareUrl) - bareOffBefore) / bareClosed);
          baseline.put("threadScaling", round(num(offN, "taskCompletionsPerSecond") / num(off1, "taskCompletionsPerSecond")));
          Map<String, Object> withAuth = new LinkedHashMap<>();
          withAuth.put("singleThread", on1);
          withAuth.put("multiThread", onN);
          withAuth.put("databaseBytesPerClosedInstance", (db.size(db.bareAuthUrl) - bareOnBefore) / bareClosed);
          withAuth.put("authorizationRowsPerInstance", round((bareOn.authorizationRows() - rowsOnBefore) / (double) bareClosed));
          withAuth.put("threadScaling", round(num(onN, "taskCompletionsPerSecond") / num(on1, "taskCompletionsPerSecond")));
          baseline.put("authorizationsOn", withAuth);
        }

        // 3. programme scale: grants in every phase, filled in stops (issue 17's scale curve: at each
        // stop below the last, Tasklist's pages as their users and the authorisation rows); at the
        // last stop every measure below
        TimedPort fillPort = new TimedPort(port);
        CohortDriver filler = new CohortDriver(fillPort, cast);
        List<GrantPlayer> players = filler.players(o.activeGrants());
        CohortDriver.Options fillOptions = CohortDriver.Options.of(o.activeGrants(), o.threads()).withTimeout(o.timeout());
        List<TasklistQueries.Probe> probes = TasklistQueries.probes(cast.cityUser(0), cast.coach(0));
        List<GrantPlayer> open = new ArrayList<>();
        List<Map<String, Object>> curve = new ArrayList<>();
        long applyNanos = 0;
        long playNanos = 0;
        long curveNanos = 0;
        int filled = 0;
        for (int stop : o.scaleStops()) {
          List<GrantPlayer> chunk = players.subList(filled, stop);
          log("programme scale: applying for grants " + filled + " to " + stop);
          t = System.nanoTime();
          filler.applyAll(chunk, fillOptions);
          db.analyze(db.appUrl);
          applyNanos += System.nanoTime() - t;
          log("programme scale: playing them partly");
          t = System.nanoTime();
          if (stop == o.activeGrants()) { // completions while the last stop fills: the figure "at scale"
            fillPort.completions().clear();
          }
          open.addAll(filler.playPartly(chunk, fillOptions, i -> fillBudget(i, o)));
          waitForJobs(app.getBean(ManagementService.class), Duration.ofMinutes(2));
          playNanos += System.nanoTime() - t;
          db.analyze(db.appUrl);
          filled = stop;
          if (stop < o.activeGrants()) {
            t = System.nanoTime();
            log("scale curve: " + stop + " grants applied, " + open.size() + " open; Tasklist's pages");
            Map<String, Object> pages = new TasklistQueries(app).measure(probes, o.queryWarmUp(),
                Math.max(1, o.queryRepetitions() / 2), Duration.ofSeconds(20));
            curve.add(scalePoint(app, db, stop, open.size(), lifecycleGrants, pages));
            curveNanos += System.nanoTime() - t;
          }
        }
        phases.put("fillApplySeconds", round(applyNanos / 1e9));
        phases.put("fillPlaySeconds", round(playNanos / 1e9));
        phases.put("scaleCurveSeconds", round(curveNanos / 1e9));
        t = System.nanoTime();
        db.analyze(db.appUrl);
        phases.put("analyzeSeconds", seconds(t));
        scale.put("grantsApplied", o.activeGrants());
        scale.put("grantsOpen", open.size());
        scale.put("openGrantInstancesInDatabase", app.getBean(RuntimeService.class).createProcessInstanceQuery()
            .processDefinitionKey("city-grant").count());
        scale.put("openTasks", app.getBean(TaskService.class).createTaskQuery().count());
        scale.put("fillTaskCompletions", fillPort.completions().count());
        scale.put("taskCompletionAtScale", percentiles(fillPort.completions()));
        scale.put("applicationAtScale", percentiles(fillPort.applications()));
        scale.put("databaseBytes", db.size(db.appUrl));
        scale.put("rows", rowCounts(db));
        scale.put("authorizationRows", authorizationRows(db, o.activeGrants() + lifecycleGrants));
        // the engine's statements against the application's PostgreSQL tuning, same data, one
        // switch at a time: the loose index scan for "which groups hold authorisations"
        // (AuthorizedGroupIdsLooseScan), then the task query's EXISTS check
        // (TaskQueryExistsAuthorization); Tasklist queries and one more action of some open
        // grants in each mode; the last mode is the application's default
        t = System.nanoTime();
        Map<String, Object> tuning = new LinkedHashMap<>();
        int probeSize = Math.max(1, Math.min(200, open.size() / 6));
        Map<String, Object> queries = null;
        String[] modes = {"engineStatements", "looseIndexScan", "looseIndexScanAndExistsCheck"};
        for (int m = 0; m < modes.length; m++) {
          AuthorizedGroupIdsLooseScan.use(sql, m >= 1);
          TaskQueryExistsAuthorization.use(sql, m >= 2);
          log("programme scale: " + open.size() + " grants open; Tasklist queries and completions, " + modes[m]);
          Map<String, Object> mode = new LinkedHashMap<>();
          fillPort.completions().clear();
          List<GrantPlayer> probe = open.subList(Math.min(open.size(), m * probeSize),
              Math.min(open.size(), (m + 1) * probeSize));
          filler.playPartly(probe, fillOptions, i -> 1);
          mode.put("oneMoreActionOfOpenGrants", percentiles(fillPort.completions()));
          Map<String, Object> measured = new TasklistQueries(app).measure(probes, o.queryWarmUp(), o.queryRepetitions(),
              Duration.ofSeconds(30));
          mode.put("queries", measured);
          tuning.put(modes[m], mode);
          queries = measured;
        }
        scale.put("queries", queries);
        scale.put("taskCompletionAt" + o.activeGrants() + "OpenGrants",
            ((Map<?, ?>) tuning.get(modes[modes.length - 1])).get("oneMoreActionOfOpenGrants"));
        curve.add(scalePoint(app, db, o.activeGrants(), open.size(), lifecycleGrants, queries));
        scale.put("curve", curve);
        results.put("authorizationTuning", tuning);
        // Tasklist's variable columns without the application's index on the variable scope
        // (`querytuning.VariableScopeIndex`), same data: the page as it was before, then the index is made again
        log("programme scale: Tasklist's pages without the variable scope index");
        db.execute(db.appUrl, "DROP INDEX " + VARIABLE_SCOPE_INDEX);
        db.analyze(db.appUrl);
        Map<String, Object> withoutIndex = new TasklistQueries(app).measure(probes, o.queryWarmUp(),
            Math.max(1, o.queryRepetitions() / 2), Duration.ofSeconds(30));
        db.execute(db.appUrl, "CREATE INDEX " + VARIABLE_SCOPE_INDEX + " ON act_ru_variable (var_scope_, name_)");
        db.analyze(db.appUrl);
        scale.put("queriesWithoutVariableScopeIndex", withoutIndex);
        // and with the engine's own variable query (its join on the user's authorisations) instead of
        // VariableQueryExistsAuthorization, same data
        log("programme scale: Tasklist's pages with the engine's variable query");
        VariableQueryExistsAuthorization.use(sql, false);
        Map<String, Object> engineVariableQuery = new TasklistQueries(app).measure(probes, o.queryWarmUp(),
            Math.max(1, o.queryRepetitions() / 2), Duration.ofSeconds(30));
        VariableQueryExistsAuthorization.use(sql, true);
        scale.put("queriesWithTheEnginesVariableQuery", engineVariableQuery);
        try { // the plans of the default, then of the engine's join, same data
          QueryPlans plans = QueryPlans.install(engine);
          DataSource dataSource = app.getBean(DataSource.class);
          Map<String, Object> planFiles = new LinkedHashMap<>();
          planFiles.put("application", new TasklistQueries(app).explain(probes, plans, dataSource,
              o.outputDir().resolve("plans")));
          TaskQueryExistsAuthorization.use(sql, false);
          planFiles.put("engineJoin", new TasklistQueries(app).explain(probes, plans, dataSource,
              o.outputDir().resolve("plans").resolve("engine-join")));
          TaskQueryExistsAuthorization.use(sql, true);
          scale.put("queryPlans", planFiles);
        } catch (Exception e) { // the plans explain the figures; without them the figures still stand
          log("query plans not written: " + e);
          scale.put("queryPlans", "not written: " + e);
        }
        phases.put("querySeconds", seconds(t));
      } finally {
        app.close();
      }
      results.put("lifecycle", lifecycle);
      results.put("baseline", baseline);
      results.put("programmeScale", scale);
      results.put("comparison", comparison(lifecycle, baseline));
      results.put("peakHeap", Map.of(
          "sumOfHeapPoolPeaksMb", round(heap.poolPeaksBytes() / 1048576.0),
          "sampledPeakMb", round(heap.sampledPeakBytes() / 1048576.0),
          "maxHeapMb", round(HeapWatch.maxHeapBytes() / 1048576.0)));
      phases.put("totalSeconds", seconds(runStarted));
      results.put("phases", phases);
      results.put("targets", BenchReport.targets(results));
      results.put("correctness", Map.of("problems", problems, "ok", problems.isEmpty()));
    }
    Files.createDirectories(o.outputDir());
    Path json = o.outputDir().resolve("results.json");
    Path md = o.outputDir().resolve("results.md");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
    Files.writeString(md, BenchReport.markdown(results));
    log("results written to " + json + " and " + md + (problems.isEmpty() ? "" : "; PROBLEMS: " + problems));
    return new Outcome(results, problems, json, md);
  }

  /**
   * How many actions grant i of the programme-scale fill gets: every {@code fillDeepEvery}-th up to
   * {@code fillMaxActions} (into committee and experiments, payments included), the others a few;
   * a grant to be declined waits for its sizing.
   */
  static int fillBudget(int index, BenchOptions o) {
    if (GrantScenario.forIndex(index) == GrantScenario.DECLINED) {
      return 0;
    }
    int max = index % o.fillDeepEvery() == 0 ? o.fillMaxActions() : o.fillShallowMaxActions();
    return new SplittableRandom(index).nextInt(max + 1);
  }

  private static ConfigurableApplicationContext startApplication(BenchDatabase db) {
    log("starting the application on " + db.appUrl);
    Map<String, Object> defaults = new LinkedHashMap<>();
    // as CohortRunTest: the job executor looks for due jobs often (a person would not wait 5 s either)
    defaults.put("camunda.bpm.job-execution.wait-time-in-millis", JOB_WAIT_MILLIS);
    defaults.put("camunda.bpm.job-execution.max-wait", JOB_MAX_WAIT_MILLIS);
    defaults.put("spring.main.banner-mode", "off");
    return new SpringApplicationBuilder(CityGrantsApplication.class)
        .properties(defaults)
        .run("--spring.datasource.url=" + db.appUrl,
            "--spring.datasource.username=" + db.user,
            "--spring.datasource.password=" + db.password,
            "--camunda.bpm.database.type=postgres",
            "--camunda.bpm.job-execution.enabled=true",
            "--spring.profiles.active=demo",
            // the cohort completes the procurement plan without attaching a file (README, "Evidence files")
            "--grant.evidence.required-steps=",
            "--server.port=0");
  }

  private record Cohort(CohortReport report, TimedPort port, int threads, long jobs, Map<String, Object> cpu) {
    Map<String, Object> describe() {
      Map<String, Object> map = new LinkedHashMap<>();
      double seconds = report.elapsedSeconds();
      int completions = port.completions().count();
      map.put("grants", report.grants().size());
      map.put("threads", threads);
      map.put("grantsEndedAsExpected", report.grantsEndedAsExpected());
      map.put("ends", report.ends());
      map.put("elapsedSeconds", round(seconds));
      map.put("grantsPerMinute", round(report.grants().size() / (seconds / 60)));
      map.put("taskCompletions", completions);
      map.put("taskCompletionsPerSecond", round(completions / seconds));
      map.put("wallMillisPerTask", round(seconds * 1000 * threads / completions));
      map.put("taskCompletion", percentiles(port.completions()));
      map.put("application", percentiles(port.applications()));
      map.put("timersBroughtDue", port.timersBroughtDue());
      map.put("earlyStops", port.earlyStops());
      map.put("jobsExecuted", jobs);
      map.put("jobsPerSecond", round(jobs / seconds));
      map.put("driverSteps", report.steps());
      map.put("conflicts", report.conflicts());
      map.put("cpu", cpu);
      return map;
    }
  }

  /** One timed cohort of a bare engine, described with its CPU; an instance that did not end is a problem. */
  private static Map<String, Object> bareRun(BareBaseline bare, String prefix, int instances, int threads,
      BenchOptions o, List<String> problems) throws Exception {
    log("bare baseline, authorisations " + (bare.authorizations() ? "on" : "off") + ": " + instances
        + " instances, " + threads + " thread(s)");
    CpuMeter cpu = CpuMeter.start();
    BareBaseline.Run run = bare.run(prefix, instances, threads, o.timeout());
    Map<String, Object> figures = cpu.stop();
    if (run.ended() != run.instances()) {
      problems.add("bare baseline (authorisations " + (bare.authorizations() ? "on" : "off") + "): " + run.ended()
          + " of " + run.instances() + " instances ended");
    }
    return withCpu(run.describe(), figures);
  }

  private static double num(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  private static Map<String, Object> withCpu(Map<String, Object> described, Map<String, Object> cpu) {
    Map<String, Object> map = new LinkedHashMap<>(described);
    map.put("cpu", cpu);
    return map;
  }

  private static Cohort cohort(ConfigurableApplicationContext app, InProcessPort port, Cast cast, int grants,
      int threads, Duration timeout) {
    log("lifecycle cohort: " + grants + " grants, " + threads + " thread(s)");
    HistoryService history = app.getBean(HistoryService.class);
    long jobsBefore = history.createHistoricJobLogQuery().successLog().count();
    TimedPort timed = new TimedPort(port);
    CpuMeter cpu = CpuMeter.start();
    CohortReport report = new CohortDriver(timed, cast).run(CohortDriver.Options.of(grants, threads).withTimeout(timeout));
    Map<String, Object> cpuFigures = cpu.stop();
    long jobs = history.createHistoricJobLogQuery().successLog().count() - jobsBefore;
    log("lifecycle cohort done in " + round(report.elapsedSeconds()) + " s, " + report.problems().size() + " problems");
    return new Cohort(report, timed, threads, jobs, cpuFigures);
  }

  /** User tasks, timers fired and jobs of the cohort's straight grants (all instances of a grant, payments included). */
  private static Map<String, Object> straightShape(ConfigurableApplicationContext app, CohortReport report) {
    HistoryService history = app.getBean(HistoryService.class);
    List<long[]> shapes = new ArrayList<>();
    for (CohortReport.GrantResult grant : report.grants()) {
      if (grant.scenario() != GrantScenario.STRAIGHT || grant.grant() == null) {
        continue;
      }
      long tasks = 0;
      long timers = 0;
      long jobs = 0;
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(grant.grant()).list()) {
        tasks += history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count();
        timers += history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityType("intermediateTimer").finished().count()
            + history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityType("boundaryTimer").finished().count();
        jobs += history.createHistoricJobLogQuery().processInstanceId(instance.getId()).successLog().count();
      }
      shapes.add(new long[] {tasks, timers, jobs});
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("grants", shapes.size());
    map.put("userTasks", shapes.stream().mapToLong(s -> s[0]).summaryStatistics().toString());
    map.put("timersFired", shapes.stream().mapToLong(s -> s[1]).summaryStatistics().toString());
    map.put("jobs", shapes.stream().mapToLong(s -> s[2]).summaryStatistics().toString());
    map.put("userTasksPerGrant", shapes.isEmpty() ? 0 : shapes.get(0)[0]);
    map.put("timersFiredPerGrant", shapes.isEmpty() ? 0 : shapes.get(0)[1]);
    map.put("jobsPerGrant", shapes.isEmpty() ? 0 : shapes.get(0)[2]);
    return map;
  }

  /**
   * The lifecycle against each bare engine: cost per user task (the mean completion call with one
   * thread, and the medians' ratio: the mean carries the pauses of a shared machine), wall time per
   * task, thread scaling.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparison(Map<String, Object> lifecycle, Map<String, Object> baseline) {
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Object> l1 = (Map<String, Object>) lifecycle.get("singleThread");
    Map<String, Object> lN = (Map<String, Object>) lifecycle.get("multiThread");
    Map<String, Object> off1 = (Map<String, Object>) baseline.get("singleThread");
    Map<String, Object> on1 = (Map<String, Object>) ((Map<String, Object>) baseline.get("authorizationsOn"))
        .get("singleThread");
    Map<String, Object> l1c = (Map<String, Object>) l1.get("taskCompletion");
    Map<String, Object> offc = (Map<String, Object>) off1.get("taskCompletion");
    Map<String, Object> onc = (Map<String, Object>) on1.get("taskCompletion");
    double lifecycleCost = num(l1c, "meanMs");
    map.put("lifecycleCostPerTaskMs", lifecycleCost);
    map.put("lifecycleMedianPerTaskMs", l1c.get("p50Ms"));
    map.put("baselineCostPerTaskMs", offc.get("meanMs"));
    map.put("baselineMedianPerTaskMs", offc.get("p50Ms"));
    map.put("baselineAuthOnCostPerTaskMs", onc.get("meanMs"));
    map.put("baselineAuthOnMedianPerTaskMs", onc.get("p50Ms"));
    map.put("costPerTaskRatio", round(lifecycleCost / num(offc, "meanMs")));
    map.put("costPerTaskRatioOfMedians", round(num(l1c, "p50Ms") / num(offc, "p50Ms")));
    map.put("costPerTaskRatioAuthOn", round(lifecycleCost / num(onc, "meanMs")));
    map.put("costPerTaskRatioAuthOnOfMedians", round(num(l1c, "p50Ms") / num(onc, "p50Ms")));
    map.put("authorizationsOnBareCostFactor", round(num(onc, "meanMs") / num(offc, "meanMs")));
    map.put("lifecycleWallMsPerTask", l1.get("wallMillisPerTask"));
    map.put("baselineWallMsPerTask", off1.get("wallMillisPerTask"));
    map.put("baselineAuthOnWallMsPerTask", on1.get("wallMillisPerTask"));
    map.put("wallPerTaskRatio", round(num(l1, "wallMillisPerTask") / num(off1, "wallMillisPerTask")));
    map.put("wallPerTaskRatioAuthOn", round(num(l1, "wallMillisPerTask") / num(on1, "wallMillisPerTask")));
    map.put("lifecycleThreadScaling", round(num(lN, "taskCompletionsPerSecond") / num(l1, "taskCompletionsPerSecond")));
    map.put("baselineThreadScaling", baseline.get("threadScaling"));
    map.put("baselineAuthOnThreadScaling", ((Map<String, Object>) baseline.get("authorizationsOn")).get("threadScaling"));
    return map;
  }

  private static Map<String, Object> perGrant(Map<String, Long> before, Map<String, Long> after, int grants) {
    Map<String, Object> map = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / grants))
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(12)
        .forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /**
   * One point of the scale curve: grants applied and open, open tasks, authorisation rows (and per
   * grant, the lifecycle's closed grants counted: their history's rows stay), each filter's page.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> scalePoint(ConfigurableApplicationContext app, BenchDatabase db, int applied,
      int open, int closedGrants, Map<String, Object> pages) throws Exception {
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("grantsApplied", applied);
    point.put("grantsOpen", open);
    point.put("openTasks", app.getBean(TaskService.class).createTaskQuery().count());
    long rows;
    try (var c = db.connect(db.appUrl); var s = c.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM act_ru_authorization")) {
      rs.next();
      rows = rs.getLong(1);
    }
    point.put("authorizationRows", rows);
    point.put("authorizationRowsPerGrant", round(rows / (double) (applied + closedGrants)));
    Map<String, Object> perFilter = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : pages.entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("pageP50Ms", ((Map<String, Object>) q.get("page")).get("p50Ms"));
      figures.put("pageP95Ms", ((Map<String, Object>) q.get("page")).get("p95Ms"));
      figures.put("listP95Ms", ((Map<String, Object>) q.get("list")).get("p95Ms"));
      figures.put("countP95Ms", ((Map<String, Object>) q.get("count_query")).get("p95Ms"));
      figures.put("columnsP95Ms", ((Map<String, Object>) q.get("variable_columns")).get("p95Ms"));
      figures.put("count", q.get("count"));
      perFilter.put(e.getKey(), figures);
    }
    point.put("pages", perFilter);
    return point;
  }

  /**
   * The authorisation rows by resource type, kind (grant / revoke) and holder (user / group), and the
   * task rows whose task has ended (the engine keeps a task's history rows; a runtime task row on a
   * task no longer open would be a leak).
   */
  private static Map<String, Object> authorizationRows(BenchDatabase db, int grants) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Object> byKind = new LinkedHashMap<>();
    long total = 0;
    try (var c = db.connect(db.appUrl); var s = c.createStatement()) {
      try (var rs = s.executeQuery("SELECT resource_type_, type_, user_id_ IS NOT NULL, count(*) FROM act_ru_authorization "
          + "GROUP BY 1, 2, 3 ORDER BY 4 DESC")) {
        while (rs.next()) {
          String key = resourceName(rs.getInt(1)) + (rs.getInt(2) == 2 ? " revoke" : rs.getInt(2) == 0 ? " global" : "")
              + (rs.getBoolean(3) ? ", user" : ", group");
          byKind.put(key, rs.getLong(4));
          total += rs.getLong(4);
        }
      }
      Map<String, Object> ended = new LinkedHashMap<>();
      try (var rs = s.executeQuery("SELECT a.resource_type_, count(*) FROM act_ru_authorization a "
          + "WHERE a.resource_type_ IN (" + Resources.TASK.resourceType() + ", " + Resources.HISTORIC_TASK.resourceType()
          + ") AND NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.id_ = a.resource_id_) GROUP BY 1")) {
        while (rs.next()) {
          ended.put(resourceName(rs.getInt(1)), rs.getLong(2));
        }
      }
      map.put("total", total);
      map.put("perGrant", round(total / (double) grants));
      map.put("byKind", byKind);
      map.put("onTasksNoLongerOpen", ended);
    }
    return map;
  }

  private static String resourceName(int type) {
    for (Resources resource : Resources.values()) {
      if (resource.resourceType() == type) {
        return resource.resourceName();
      }
    }
    return "type " + type;
  }

  private static Map<String, Object> rowCounts(BenchDatabase db) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    try (var c = db.connect(db.appUrl); var s = c.createStatement()) {
      for (String table : List.of("act_ru_task", "act_ru_authorization", "act_ru_variable", "act_ru_execution",
          "act_hi_actinst", "act_hi_varinst", "act_hi_detail", "act_hi_taskinst", "act_ru_identitylink")) {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          map.put(table, rs.getLong(1));
        }
      }
    }
    return map;
  }

  static long waitForJobs(ManagementService management, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long pending;
    while ((pending = management.createJobQuery().executable().count()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return pending;
  }

  private static Map<String, Object> machine(BenchDatabase db) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cores", Runtime.getRuntime().availableProcessors());
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      map.put("memoryMb", sun.getTotalMemorySize() / 1048576);
    }
    map.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    map.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    map.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList());
    map.put("postgres", db.describe());
    map.put("camunda", org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion());
    return map;
  }

  static Map<String, Object> percentiles(Latencies latencies) {
    long[] sorted = latencies.sorted();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", sorted.length);
    map.put("meanMs", round(Latencies.meanMillis(sorted)));
    map.put("p50Ms", round(Latencies.percentileMillis(sorted, 50)));
    map.put("p95Ms", round(Latencies.percentileMillis(sorted, 95)));
    map.put("p99Ms", round(Latencies.percentileMillis(sorted, 99)));
    map.put("maxMs", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    return map;
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double seconds(long startedNanos) {
    return round((System.nanoTime() - startedNanos) / 1e9);
  }

  static void log(String message) {
    System.out.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
  }
}
