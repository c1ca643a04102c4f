package org.citygrants.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygrants.querytuning.AuthorizedGroupIdsLooseScan;
import org.citygrants.querytuning.TaskQueryExistsAuthorization;

/** The targets of issue 7 judged from a run's results, and the results as a Markdown page. */
final class BenchReport {

  private BenchReport() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String... path) {
    Map<String, Object> current = parent;
    for (String key : path) {
      current = (Map<String, Object>) current.get(key);
    }
    return current;
  }

  private static double num(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  static List<Map<String, Object>> targets(Map<String, Object> r) {
    List<Map<String, Object>> targets = new ArrayList<>();
    Map<String, Object> comparison = map(r, "comparison");
    double ratio = num(comparison, "costPerTaskRatio");
    targets.add(target("lifecycle cost per user task <= 1.5x bare baseline (goal 1.2x)", ratio + "x (of the medians: "
        + comparison.get("costPerTaskRatioOfMedians") + "x)", ratio <= 1.5));
    double worstList = 0;
    double worstCount = 0;
    String worstName = "";
    for (Map.Entry<String, Object> e : map(r, "programmeScale", "queries").entrySet()) {
      @SuppressWarnings("unchecked") Map<String, Object> q = (Map<String, Object>) e.getValue();
      double list = num(map(q, "list"), "p95Ms");
      double count = num(map(q, "count_query"), "p95Ms");
      if (Math.max(list, count) > Math.max(worstList, worstCount)) {
        worstName = e.getKey();
      }
      worstList = Math.max(worstList, list);
      worstCount = Math.max(worstCount, count);
    }
    targets.add(target("Tasklist queries p95 < 50 ms at programme scale (list and count, worst filter)",
        "list " + worstList + " ms, count " + worstCount + " ms (worst: " + worstName + ")",
        worstList < 50 && worstCount < 50));
    double completion = num(map(r, "programmeScale", "taskCompletionAtScale"), "p95Ms");
    targets.add(target("task completion p95 < 100 ms at programme scale", completion + " ms", completion < 100));
    double scaling = num(comparison, "lifecycleThreadScaling");
    Object busy = map(r, "lifecycle", "singleThread").get("cpu") instanceof Map<?, ?> cpu ? cpu.get("machineCoresBusy") : null;
    targets.add(target("task completions/s with " + map(r, "options").get("threads") + " threads >= 2.5x one thread",
        scaling + "x" + (busy == null ? "" : " (one thread already keeps " + busy + " of "
            + Runtime.getRuntime().availableProcessors() + " cores busy)"), scaling >= 2.5));
    Map<String, Object> multi = map(r, "lifecycle", "multiThread");
    double perMinute = num(multi, "grantsPerMinute");
    double minutesFor1000 = 1000 / perMinute;
    boolean correct = num(multi, "grantsEndedAsExpected") == num(multi, "grants");
    targets.add(target("1,000 full lifecycles in < 10 min, every grant ended as expected, ledgers balanced",
        String.format("%.1f min for 1,000 (%s grants/min), %s/%s as expected", minutesFor1000, perMinute,
            (long) num(multi, "grantsEndedAsExpected"), (long) num(multi, "grants")),
        minutesFor1000 < 10 && correct));
    double heap = num(map(r, "peakHeap"), "sumOfHeapPoolPeaksMb");
    targets.add(target("peak heap < 512 MB", heap + " MB (sum of heap pools' peaks)", heap < 512));
    return targets;
  }

  private static Map<String, Object> target(String name, String measured, boolean met) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("target", name);
    map.put("measured", measured);
    map.put("met", met);
    return map;
  }

  private static String pct(Map<String, Object> p) {
    return p.get("p50Ms") + " / " + p.get("p95Ms") + " / " + p.get("p99Ms");
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    StringBuilder md = new StringBuilder();
    Map<String, Object> machine = map(r, "machine");
    Map<String, Object> options = map(r, "options");
    Map<String, Object> pg = map(machine, "postgres");
    Map<String, Object> l1 = map(r, "lifecycle", "singleThread");
    Map<String, Object> lN = map(r, "lifecycle", "multiThread");
    Map<String, Object> b1 = map(r, "baseline", "singleThread");
    Map<String, Object> bN = map(r, "baseline", "multiThread");
    Map<String, Object> shape = map(r, "lifecycle", "straightGrantShape");
    Map<String, Object> bareShape = map(r, "baseline", "instanceShape");
    Map<String, Object> comparison = map(r, "comparison");
    Map<String, Object> scale = map(r, "programmeScale");
    int threads = ((Number) options.get("threads")).intValue();

    md.append("# Benchmark results\n\n");
    md.append("Run ").append(r.get("date")).append(" on ").append(machine.get("cores")).append(" cores, ")
        .append(machine.get("memoryMb")).append(" MB RAM, ").append(machine.get("os")).append("; ")
        .append(machine.get("java")).append(" ").append(machine.get("jvmArguments")).append("; PostgreSQL ")
        .append(pg.get("server_version")).append(pg.get("embedded").equals("true") ? " (embedded)" : "")
        .append(", synchronous_commit ").append(pg.get("synchronous_commit")).append(", fsync ").append(pg.get("fsync"))
        .append(", shared_buffers ").append(pg.get("shared_buffers")).append("; Camunda ").append(machine.get("camunda"))
        .append(".\n\nOptions: ").append(options).append("\n\n");

    md.append("## Lifecycle and bare baseline (empty databases, same server, same run)\n\n");
    md.append("| measure | lifecycle (app) | bare baseline |\n| --- | ---: | ---: |\n");
    row(md, "grants (instances) played, 1 thread / " + threads + " threads",
        l1.get("grants") + " / " + lN.get("grants"), b1.get("instances") + " / " + bN.get("instances"));
    row(md, "grants (instances) per minute, " + threads + " threads", lN.get("grantsPerMinute"), bN.get("instancesPerMinute"));
    row(md, "grants (instances) per minute, 1 thread", l1.get("grantsPerMinute"), b1.get("instancesPerMinute"));
    row(md, "task completions per second, 1 thread", l1.get("taskCompletionsPerSecond"), b1.get("taskCompletionsPerSecond"));
    row(md, "task completions per second, " + threads + " threads", lN.get("taskCompletionsPerSecond"),
        bN.get("taskCompletionsPerSecond"));
    row(md, threads + "-thread / 1-thread throughput", comparison.get("lifecycleThreadScaling") + "x",
        comparison.get("baselineThreadScaling") + "x");
    row(md, "cores busy, machine / this JVM, 1 thread (of " + cpu(l1, "cores") + ")", cpu(l1, "machineCoresBusy") + " / "
        + cpu(l1, "jvmCoresBusy"), cpu(b1, "machineCoresBusy") + " / " + cpu(b1, "jvmCoresBusy"));
    row(md, "cores busy, machine / this JVM, " + threads + " threads", cpu(lN, "machineCoresBusy") + " / "
        + cpu(lN, "jvmCoresBusy"), cpu(bN, "machineCoresBusy") + " / " + cpu(bN, "jvmCoresBusy"));
    row(md, "jobs executed per second, " + threads + " threads", lN.get("jobsPerSecond"), bN.get("jobsPerSecond"));
    row(md, "task completion p50 / p95 / p99 ms, 1 thread", pct(map(l1, "taskCompletion")), pct(map(b1, "taskCompletion")));
    row(md, "task completion p50 / p95 / p99 ms, " + threads + " threads", pct(map(lN, "taskCompletion")),
        pct(map(bN, "taskCompletion")));
    row(md, "**cost per user task** (mean completion call, 1 thread)", comparison.get("lifecycleCostPerTaskMs") + " ms",
        comparison.get("baselineCostPerTaskMs") + " ms");
    row(md, "wall time per task, 1 thread (driver reads, jobs, timers included)", comparison.get("lifecycleWallMsPerTask")
        + " ms", comparison.get("baselineWallMsPerTask") + " ms");
    row(md, "user tasks / timers fired / jobs per straight grant (instance)",
        shape.get("userTasksPerGrant") + " / " + shape.get("timersFiredPerGrant") + " / " + shape.get("jobsPerGrant"),
        bareShape.get("userTasks") + " / " + bareShape.get("timersFired") + " / " + bareShape.get("jobs"));
    row(md, "database bytes per closed grant (instance)", map(r, "lifecycle").get("databaseBytesPerClosedGrant"),
        map(r, "baseline").get("databaseBytesPerClosedInstance"));
    md.append("\nLifecycle / baseline cost per user task: **").append(comparison.get("costPerTaskRatio"))
        .append("x** of the means (of the medians: ").append(comparison.get("costPerTaskRatioOfMedians"))
        .append("x; wall time per task: ").append(comparison.get("wallPerTaskRatio")).append("x).\n\n");

    md.append("## Programme scale: Tasklist as its users\n\n");
    md.append(scale.get("grantsApplied")).append(" grants applied for and played partly (").append(scale.get("grantsOpen"))
        .append(" still open, ").append(scale.get("openTasks")).append(" open tasks, rows ").append(scale.get("rows"))
        .append(", database ").append(((Number) scale.get("databaseBytes")).longValue() / 1048576).append(" MB), then ANALYZE. ")
        .append("Task completion while filling (").append(threads).append(" threads, all grants open) p50 / p95 / p99: ")
        .append(pct(map(scale, "taskCompletionAtScale"))).append(" ms.\n\n");
    md.append("| filter (user) | repetitions | first page / count | list p50 / p95 / p99 ms | count p50 / p95 / p99 ms | "
        + "variable columns p50 / p95 / p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Object> e : map(scale, "queries").entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      md.append("| ").append(e.getKey()).append(" (").append(q.get("user")).append(") | ").append(q.get("repetitions"))
          .append(" | ").append(q.get("rowsOnFirstPage"))
          .append(" / ").append(q.get("count")).append(" | ").append(pct(map(q, "list"))).append(" | ")
          .append(pct(map(q, "count_query"))).append(" | ").append(pct(map(q, "variable_columns"))).append(" |\n");
    }
    Map<String, Object> tuning = (Map<String, Object>) r.get("authorizationTuning");
    if (tuning != null) {
      md.append("\nSame data, the engine's statements against the application's PostgreSQL tuning, one switch at a "
          + "time: `engineStatements` (the engine as shipped), `looseIndexScan` (`AuthorizedGroupIdsLooseScan`: "
          + "the groups holding authorisations, asked once per command, by a loose index scan), "
          + "`looseIndexScanAndExistsCheck` (and `TaskQueryExistsAuthorization`: the task query's authorisation "
          + "check as EXISTS instead of a join; the application's default on PostgreSQL, the table above):\n\n"
          + "| statements | one more action of open grants p50 / p95 / p99 ms | ");
      List<String> names = new ArrayList<>(map((Map<String, Object>) tuning.values().iterator().next(), "queries")
          .keySet());
      for (String name : names) {
        md.append(name).append(" list / count p95 ms | ");
      }
      md.append("\n| --- | ---: |").append(" ---: |".repeat(names.size())).append("\n");
      for (Map.Entry<String, Object> e : tuning.entrySet()) {
        Map<String, Object> mode = (Map<String, Object>) e.getValue();
        md.append("| ").append(e.getKey()).append(" | ").append(pct(map(mode, "oneMoreActionOfOpenGrants"))).append(" | ");
        for (String name : names) {
          Map<String, Object> q = map(mode, "queries", name);
          md.append(map(q, "list").get("p95Ms")).append(" / ").append(map(q, "count_query").get("p95Ms")).append(" | ");
        }
        md.append("\n");
      }
    }
    Map<String, Object> heap = map(r, "peakHeap");
    md.append("\nPeak heap: ").append(heap.get("sumOfHeapPoolPeaksMb")).append(" MB (sum of the heap pools' peaks; sampled ")
        .append(heap.get("sampledPeakMb")).append(" MB; max heap ").append(heap.get("maxHeapMb")).append(" MB).\n\n");

    md.append("## Targets (issue 7)\n\n| target | measured | met |\n| --- | --- | --- |\n");
    for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targets")) {
      md.append("| ").append(t.get("target")).append(" | ").append(t.get("measured")).append(" | ")
          .append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**").append(" |\n");
    }
    Map<String, Object> correctness = map(r, "correctness");
    md.append("\nCorrectness: ").append(Boolean.TRUE.equals(correctness.get("ok"))
        ? "every grant of both cohorts ended as its scenario expects with its ledger balanced; every bare instance ended."
        : "PROBLEMS " + correctness.get("problems")).append("\n\nPhases (s): ").append(r.get("phases")).append("\n");
    return md.toString();
  }

  /** A CPU figure of a cohort ("-" when the run had none, e.g. no /proc). */
  private static Object cpu(Map<String, Object> cohort, String key) {
    Object cpu = cohort.get("cpu");
    Object value = cpu instanceof Map<?, ?> figures ? figures.get(key) : null;
    return value == null ? "-" : value;
  }

  private static void row(StringBuilder md, String name, Object lifecycle, Object baseline) {
    md.append("| ").append(name).append(" | ").append(lifecycle).append(" | ").append(baseline).append(" |\n");
  }
}
