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

        // 1. the lifecycle, empty database: one thread, then several
        long sizeBefore = db.size(db.appUrl);
        Map<String, Long> tablesBefore = db.tableSizes(db.appUrl);
        t = System.nanoTime();
        Cohort single = cohort(app, port, cast, o.singleThreadGrants(), 1, o.timeout());
        Cohort multi = cohort(app, port, cast, o.grants(), o.threads(), o.timeout());
        waitForJobs(app.getBean(ManagementService.class), Duration.ofMinutes(2));
        phases.put("lifecycleSeconds", seconds(t));
        problems.addAll(single.report.problems());
        problems.addAll(multi.report.problems());
        int closed = o.singleThreadGrants() + o.grants();
        long sizeAfter = db.size(db.appUrl);
        lifecycle.put("singleThread", single.describe());
        lifecycle.put("multiThread", multi.describe());
        lifecycle.put("straightGrantShape", straightShape(app, multi.report));
        lifecycle.put("databaseBytesPerClosedGrant", (sizeAfter - sizeBefore) / closed);
        lifecycle.put("largestTablesBytesPerClosedGrant", perGrant(tablesBefore, db.tableSizes(db.appUrl), closed));

        // 2. the bare engine, its own empty database on the same server, driven the same way
        t = System.nanoTime();
        log("bare baseline: " + o.singleThreadGrants() + " instances, 1 thread; " + o.baselineGrants() + ", "
            + o.threads() + " threads");
        try (BareBaseline bare = new BareBaseline(db.bareUrl, db.user, db.password)) {
          long bareBefore = db.size(db.bareUrl);
          CpuMeter cpu1 = CpuMeter.start();
          BareBaseline.Run bare1 = bare.run("B1", o.singleThreadGrants(), 1, o.timeout());
          Map<String, Object> bareCpu1 = cpu1.stop();
          CpuMeter cpuN = CpuMeter.start();
          BareBaseline.Run bareN = bare.run("BN", o.baselineGrants(), o.threads(), o.timeout());
          Map<String, Object> bareCpuN = cpuN.stop();
          long bareAfter = db.size(db.bareUrl);
          baseline.put("singleThread", withCpu(bare1.describe(), bareCpu1));
          baseline.put("multiThread", withCpu(bareN.describe(), bareCpuN));
          baseline.put("instanceShape", bare.shape("B1-0"));
          baseline.put("databaseBytesPerClosedInstance", (bareAfter - bareBefore) / (o.singleThreadGrants() + o.baselineGrants()));
          for (BareBaseline.Run run : List.of(bare1, bareN)) {
            if (run.ended() != run.instances()) {
              problems.add("bare baseline: " + run.ended() + " of " + run.instances() + " instances ended");
            }
          }
          baseline.put("costPerTaskMillis", round(bare1.completions().meanMillis()));
          baseline.put("wallMillisPerTask", round(bare1.elapsedNanos() / 1e6 / bare1.completions().count()));
          baseline.put("threadScaling", round(bareN.completionsPerSecond() / bare1.completionsPerSecond()));
        }
        phases.put("baselineSeconds", seconds(t));

        // 3. programme scale: grants in every phase, then Tasklist's queries as their users
        t = System.nanoTime();
        log("programme scale: applying for " + o.activeGrants() + " grants");
        TimedPort fillPort = new TimedPort(port);
        CohortDriver filler = new CohortDriver(fillPort, cast);
        List<GrantPlayer> players = filler.players(o.activeGrants());
        CohortDriver.Options fillOptions = CohortDriver.Options.of(o.activeGrants(), o.threads()).withTimeout(o.timeout());
        filler.applyAll(players, fillOptions);
        db.analyze(db.appUrl);
        phases.put("fillApplySeconds", seconds(t));
        long t2 = System.nanoTime();
        log("programme scale: playing the grants partly");
        List<GrantPlayer> open = filler.playPartly(players, fillOptions, i -> fillBudget(i, o));
        waitForJobs(app.getBean(ManagementService.class), Duration.ofMinutes(2));
        phases.put("fillPlaySeconds", seconds(t2));
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
        // the engine's statements against the application's PostgreSQL tuning, same data, one
        // switch at a time: the loose index scan for "which groups hold authorisations"
        // (AuthorizedGroupIdsLooseScan), then the task query's EXISTS check
        // (TaskQueryExistsAuthorization); Tasklist queries and one more action of some open
        // grants in each mode; the last mode is the application's default
        t = System.nanoTime();
        Map<String, Object> tuning = new LinkedHashMap<>();
        int probeSize = Math.max(1, Math.min(200, open.size() / 6));
        List<TasklistQueries.Probe> probes = TasklistQueries.probes(cast.cityUser(0), cast.coach(0));
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
        results.put("authorizationTuning", tuning);
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

  private static Map<String, Object> comparison(Map<String, Object> lifecycle, Map<String, Object> baseline) {
    Map<String, Object> map = new LinkedHashMap<>();
    @SuppressWarnings("unchecked") Map<String, Object> l1 = (Map<String, Object>) lifecycle.get("singleThread");
    @SuppressWarnings("unchecked") Map<String, Object> lN = (Map<String, Object>) lifecycle.get("multiThread");
    @SuppressWarnings("unchecked") Map<String, Object> b1 = (Map<String, Object>) baseline.get("singleThread");
    @SuppressWarnings("unchecked") Map<String, Object> l1c = (Map<String, Object>) l1.get("taskCompletion");
    @SuppressWarnings("unchecked") Map<String, Object> b1c = (Map<String, Object>) b1.get("taskCompletion");
    double lifecycleCost = (double) l1c.get("meanMs");
    double bareCost = (double) b1c.get("meanMs");
    map.put("lifecycleCostPerTaskMs", lifecycleCost);
    map.put("baselineCostPerTaskMs", bareCost);
    map.put("costPerTaskRatio", round(lifecycleCost / bareCost));
    // the medians' ratio too: the mean carries the pauses (GC, autovacuum) of a shared machine
    map.put("costPerTaskRatioOfMedians", round((double) l1c.get("p50Ms") / (double) b1c.get("p50Ms")));
    map.put("lifecycleWallMsPerTask", l1.get("wallMillisPerTask"));
    map.put("baselineWallMsPerTask", b1.get("wallMillisPerTask"));
    map.put("wallPerTaskRatio", round((double) l1.get("wallMillisPerTask") / (double) b1.get("wallMillisPerTask")));
    map.put("lifecycleThreadScaling", round((double) lN.get("taskCompletionsPerSecond")
        / (double) l1.get("taskCompletionsPerSecond")));
    map.put("baselineThreadScaling", baseline.get("threadScaling"));
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
