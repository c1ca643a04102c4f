package org.citygrants.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citygrants.querytuning.AuthorizedGroupIdsLooseScan;
import org.citygrants.querytuning.TaskQueryExistsAuthorization;

/** The targets of issue 17 judged from a run's results, and the results as a Markdown page. */
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

  /** The targets of issue 17 (which tightened issue 7's), judged from a run's results. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> targets(Map<String, Object> r) {
    List<Map<String, Object>> targets = new ArrayList<>();
    Map<String, Object> comparison = map(r, "comparison");
    double off = num(comparison, "costPerTaskRatio");
    targets.add(target("cost per user task <= 1.5x the bare engine, authorisations off", ratio(off) + "x (of the medians: "
        + ratio(num(comparison, "costPerTaskRatioOfMedians")) + "x)", off <= 1.5));
    double on = num(comparison, "costPerTaskRatioAuthOn");
    targets.add(target("cost per user task <= 1.1x the bare engine, authorisations on", ratio(on) + "x (of the medians: "
        + ratio(num(comparison, "costPerTaskRatioAuthOnOfMedians")) + "x)", on <= 1.1));
    Map<String, Object> scale = map(r, "programmeScale");
    Object grants = scale.get("grantsApplied");
    double worstList = 0;
    double worstCount = 0;
    double worstPage = 0;
    String worstListName = "";
    String worstPageName = "";
    for (Map.Entry<String, Object> e : map(scale, "queries").entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      double list = num(map(q, "list"), "p95Ms");
      double count = num(map(q, "count_query"), "p95Ms");
      double page = num(map(q, "page"), "p95Ms");
      if (Math.max(list, count) > Math.max(worstList, worstCount)) {
        worstListName = e.getKey();
      }
      if (page > worstPage) {
        worstPageName = e.getKey();
      }
      worstList = Math.max(worstList, list);
      worstCount = Math.max(worstCount, count);
      worstPage = Math.max(worstPage, page);
    }
    targets.add(target("every filter's list and count p95 < 50 ms at " + grants + " grants (coach's and officers' included)",
        "list " + worstList + " ms, count " + worstCount + " ms (worst: " + worstListName + ")",
        worstList < 50 && worstCount < 50));
    targets.add(target("every filter's whole page (list, count, variable columns) p95 < 100 ms at " + grants + " grants",
        worstPage + " ms (worst: " + worstPageName + ")", worstPage < 100));
    Map<String, Object> largest = null;
    for (Map<String, Object> point : (List<Map<String, Object>>) scale.get("curve")) {
      if (num(point, "grantsApplied") >= 30_000) {
        largest = point;
      }
    }
    if (largest == null) {
      targets.add(target("every filter's page p95 < 150 ms at 30,000 grants", "not measured in this run (largest stop: "
          + grants + " grants)", false));
    } else {
      double worst = 0;
      for (Object f : map(largest, "pages").values()) {
        worst = Math.max(worst, num((Map<String, Object>) f, "pageP95Ms"));
      }
      targets.add(target("every filter's page p95 < 150 ms at 30,000 grants", worst + " ms at "
          + largest.get("grantsApplied") + " grants", worst < 150));
    }
    Map<String, Object> atScale = (Map<String, Object>) scale.get("taskCompletionAt" + grants + "OpenGrants");
    double completion = num(atScale, "p95Ms");
    targets.add(target("task completion p95 < 100 ms at " + grants + " open grants, "
        + map(r, "options").get("threads") + " threads", completion + " ms (one more action of open grants; while filling: "
        + map(scale, "taskCompletionAtScale").get("p95Ms") + " ms)", completion < 100));
    Map<String, Object> multi = map(r, "lifecycle", "multiThread");
    double perMinute = num(multi, "grantsPerMinute");
    double minutesFor1000 = 1000 / perMinute;
    boolean correct = num(multi, "grantsEndedAsExpected") == num(multi, "grants");
    targets.add(target("1,000 full lifecycles in < 6 min, every grant ended as expected, ledgers balanced",
        String.format("%.1f min for 1,000 (%s grants/min), %s/%s as expected", minutesFor1000, perMinute,
            (long) num(multi, "grantsEndedAsExpected"), (long) num(multi, "grants")),
        minutesFor1000 < 6 && correct));
    double heap = num(map(r, "peakHeap"), "sumOfHeapPoolPeaksMb");
    targets.add(target("peak heap < 512 MB", heap + " MB (sum of heap pools' peaks)", heap < 512));
    return targets;
  }

  /** A ratio as the README's lines print it: two decimals. */
  static String ratio(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
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

    Map<String, Object> on = map(r, "baseline", "authorizationsOn");
    Map<String, Object> a1 = map(on, "singleThread");
    Map<String, Object> aN = map(on, "multiThread");
    md.append("## Lifecycle and bare engine, authorisations off and on (empty databases, same server, same run)\n\n");
    md.append("Each side warmed up first (").append(map(r, "lifecycle", "warmUp")).append("), then one thread of each, then ")
        .append(threads).append(" threads of each.\n\n");
    md.append("| measure | lifecycle (app) | bare engine, authorisations off | bare engine, authorisations on |\n"
        + "| --- | ---: | ---: | ---: |\n");
    row(md, "grants (instances) played, 1 thread / " + threads + " threads",
        l1.get("grants") + " / " + lN.get("grants"), b1.get("instances") + " / " + bN.get("instances"),
        a1.get("instances") + " / " + aN.get("instances"));
    row(md, "grants (instances) per minute, " + threads + " threads", lN.get("grantsPerMinute"), bN.get("instancesPerMinute"),
        aN.get("instancesPerMinute"));
    row(md, "grants (instances) per minute, 1 thread", l1.get("grantsPerMinute"), b1.get("instancesPerMinute"),
        a1.get("instancesPerMinute"));
    row(md, "task completions per second, 1 thread", l1.get("taskCompletionsPerSecond"), b1.get("taskCompletionsPerSecond"),
        a1.get("taskCompletionsPerSecond"));
    row(md, "task completions per second, " + threads + " threads", lN.get("taskCompletionsPerSecond"),
        bN.get("taskCompletionsPerSecond"), aN.get("taskCompletionsPerSecond"));
    row(md, threads + "-thread / 1-thread throughput", comparison.get("lifecycleThreadScaling") + "x",
        comparison.get("baselineThreadScaling") + "x", comparison.get("baselineAuthOnThreadScaling") + "x");
    row(md, "cores busy, machine / this JVM, 1 thread (of " + cpu(l1, "cores") + ")", cpu(l1, "machineCoresBusy") + " / "
        + cpu(l1, "jvmCoresBusy"), cpu(b1, "machineCoresBusy") + " / " + cpu(b1, "jvmCoresBusy"),
        cpu(a1, "machineCoresBusy") + " / " + cpu(a1, "jvmCoresBusy"));
    row(md, "cores busy, machine / this JVM, " + threads + " threads", cpu(lN, "machineCoresBusy") + " / "
        + cpu(lN, "jvmCoresBusy"), cpu(bN, "machineCoresBusy") + " / " + cpu(bN, "jvmCoresBusy"),
        cpu(aN, "machineCoresBusy") + " / " + cpu(aN, "jvmCoresBusy"));
    row(md, "jobs executed per second, " + threads + " threads", lN.get("jobsPerSecond"), bN.get("jobsPerSecond"),
        aN.get("jobsPerSecond"));
    row(md, "task completion p50 / p95 / p99 ms, 1 thread", pct(map(l1, "taskCompletion")), pct(map(b1, "taskCompletion")),
        pct(map(a1, "taskCompletion")));
    row(md, "task completion p50 / p95 / p99 ms, " + threads + " threads", pct(map(lN, "taskCompletion")),
        pct(map(bN, "taskCompletion")), pct(map(aN, "taskCompletion")));
    row(md, "**cost per user task** (mean / median completion call, 1 thread)", comparison.get("lifecycleCostPerTaskMs")
        + " / " + comparison.get("lifecycleMedianPerTaskMs") + " ms", comparison.get("baselineCostPerTaskMs") + " / "
        + comparison.get("baselineMedianPerTaskMs") + " ms", comparison.get("baselineAuthOnCostPerTaskMs") + " / "
        + comparison.get("baselineAuthOnMedianPerTaskMs") + " ms");
    row(md, "wall time per task, 1 thread (driver reads, jobs, timers included)", comparison.get("lifecycleWallMsPerTask")
        + " ms", comparison.get("baselineWallMsPerTask") + " ms", comparison.get("baselineAuthOnWallMsPerTask") + " ms");
    row(md, "user tasks / timers fired / jobs per straight grant (instance)",
        shape.get("userTasksPerGrant") + " / " + shape.get("timersFiredPerGrant") + " / " + shape.get("jobsPerGrant"),
        bareShape.get("userTasks") + " / " + bareShape.get("timersFired") + " / " + bareShape.get("jobs"),
        bareShape.get("userTasks") + " / " + bareShape.get("timersFired") + " / " + bareShape.get("jobs"));
    row(md, "database bytes per closed grant (instance)", map(r, "lifecycle").get("databaseBytesPerClosedGrant"),
        map(r, "baseline").get("databaseBytesPerClosedInstance"), on.get("databaseBytesPerClosedInstance"));
    row(md, "authorisation rows per closed instance", "-", "0", on.get("authorizationRowsPerInstance"));
    md.append("\nLifecycle / bare engine (authorisations off) cost per user task: ")
        .append(ratio(num(comparison, "costPerTaskRatio"))).append("x (of the means; of the medians: ")
        .append(ratio(num(comparison, "costPerTaskRatioOfMedians"))).append("x; wall time per task: ")
        .append(ratio(num(comparison, "wallPerTaskRatio"))).append("x)\n\n");
    md.append("Lifecycle / bare engine (authorisations on) cost per user task: ")
        .append(ratio(num(comparison, "costPerTaskRatioAuthOn"))).append("x (of the means; of the medians: ")
        .append(ratio(num(comparison, "costPerTaskRatioAuthOnOfMedians"))).append("x; wall time per task: ")
        .append(ratio(num(comparison, "wallPerTaskRatioAuthOn"))).append("x)\n\n");
    md.append("Authorisations alone make the bare engine's task ").append(ratio(num(comparison, "authorizationsOnBareCostFactor")))
        .append("x as costly.\n\n");

    md.append("## Programme scale: Tasklist as its users\n\n");
    md.append(scale.get("grantsApplied")).append(" grants applied for and played partly (").append(scale.get("grantsOpen"))
        .append(" still open, ").append(scale.get("openTasks")).append(" open tasks, rows ").append(scale.get("rows"))
        .append(", database ").append(((Number) scale.get("databaseBytes")).longValue() / 1048576).append(" MB), then ANALYZE. ")
        .append("Task completion while filling (").append(threads).append(" threads, all grants open) p50 / p95 / p99: ")
        .append(pct(map(scale, "taskCompletionAtScale"))).append(" ms.\n\n");
    md.append("| filter (user) | repetitions | first page / count | list p50 / p95 / p99 ms | count p50 / p95 / p99 ms | "
        + "variable columns p50 / p95 / p99 ms | **page** p50 / p95 / p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Object> e : map(scale, "queries").entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      md.append("| ").append(e.getKey()).append(" (").append(q.get("user")).append(") | ").append(q.get("repetitions"))
          .append(" | ").append(q.get("rowsOnFirstPage"))
          .append(" / ").append(q.get("count")).append(" | ").append(pct(map(q, "list"))).append(" | ")
          .append(pct(map(q, "count_query"))).append(" | ").append(pct(map(q, "variable_columns"))).append(" | **")
          .append(pct(map(q, "page"))).append("** |\n");
    }
    md.append("\nA page is what Tasklist's list asks of the engine: the filter's first 50 tasks, their count, and the "
        + "filter's variable columns of those tasks, as the user.\n\n");
    comparePages(md, scale, "queriesWithTheEnginesVariableQuery", "The same pages, same data, with the engine's own "
        + "variable query (its join on the user's authorisations) instead of `VariableQueryExistsAuthorization`, "
        + "variable columns / page p95 ms: ");
    comparePages(md, scale, "queriesWithoutVariableScopeIndex", "The same pages, same data, without the application's "
        + "index on the variable scope (`querytuning.VariableScopeIndex`), variable columns / page p95 ms: ");
    Map<String, Object> authRows = map(scale, "authorizationRows");
    md.append("Authorisation rows: ").append(authRows.get("total")).append(" (").append(authRows.get("perGrant"))
        .append(" per grant, the lifecycle's closed grants counted): ").append(authRows.get("byKind"))
        .append("; on tasks no longer open: ").append(authRows.get("onTasksNoLongerOpen")).append(".\n\n");
    List<Map<String, Object>> curve = (List<Map<String, Object>>) scale.get("curve");
    md.append("### Scale curve: each filter's page p95 (ms) as the programme grows\n\n| grants applied / open | open tasks | "
        + "authorisation rows (per grant) |");
    List<String> filterNames = new ArrayList<>(map(curve.get(0), "pages").keySet());
    for (String name : filterNames) {
      md.append(" ").append(name).append(" |");
    }
    md.append("\n| --- | ---: | ---: |").append(" ---: |".repeat(filterNames.size())).append("\n");
    for (Map<String, Object> point : curve) {
      md.append("| ").append(point.get("grantsApplied")).append(" / ").append(point.get("grantsOpen")).append(" | ")
          .append(point.get("openTasks")).append(" | ").append(point.get("authorizationRows")).append(" (")
          .append(point.get("authorizationRowsPerGrant")).append(") |");
      for (String name : filterNames) {
        Map<String, Object> f = map(point, "pages", name);
        md.append(" ").append(f == null ? "-" : f.get("pageP95Ms")).append(" |");
      }
      md.append("\n");
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

    md.append("## Targets (issue 17)\n\n| target | measured | met |\n| --- | --- | --- |\n");
    for (Map<String, Object> t : (List<Map<String, Object>>) r.get("targets")) {
      md.append("| ").append(t.get("target")).append(" | ").append(t.get("measured")).append(" | ")
          .append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**").append(" |\n");
    }
    Map<String, Object> correctness = map(r, "correctness");
    md.append("\nCorrectness: ").append(Boolean.TRUE.equals(correctness.get("ok"))
        ? "every grant of the cohorts ended as its scenario expects with its ledger balanced; every bare instance of both engines ended."
        : "PROBLEMS " + correctness.get("problems")).append("\n\nPhases (s): ").append(r.get("phases")).append("\n");
    return md.toString();
  }

  /** One line comparing each filter's variable columns and page with another variant measured on the same data. */
  @SuppressWarnings("unchecked")
  private static void comparePages(StringBuilder md, Map<String, Object> scale, String key, String intro) {
    Map<String, Object> other = (Map<String, Object>) scale.get(key);
    if (other == null) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : other.entrySet()) {
      Map<String, Object> q = (Map<String, Object>) e.getValue();
      Map<String, Object> with = map(scale, "queries", e.getKey());
      parts.add(e.getKey() + " " + map(q, "variable_columns").get("p95Ms") + " / " + map(q, "page").get("p95Ms")
          + " (as shipped: " + map(with, "variable_columns").get("p95Ms") + " / " + map(with, "page").get("p95Ms") + ")");
    }
    md.append(intro).append(String.join("; ", parts)).append(".\n\n");
  }

  /** A CPU figure of a cohort ("-" when the run had none, e.g. no /proc). */
  private static Object cpu(Map<String, Object> cohort, String key) {
    Object cpu = cohort.get("cpu");
    Object value = cpu instanceof Map<?, ?> figures ? figures.get(key) : null;
    return value == null ? "-" : value;
  }

  private static void row(StringBuilder md, String name, Object lifecycle, Object baseline, Object baselineAuthOn) {
    md.append("| ").append(name).append(" | ").append(lifecycle).append(" | ").append(baseline).append(" | ")
        .append(baselineAuthOn).append(" |\n");
  }
}
