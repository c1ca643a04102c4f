package org.citygrants.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of README "Performance" with tiny sizes, as part of the test suite: the same code
 * (application on embedded PostgreSQL, lifecycle cohorts, bare baseline, programme-scale fill,
 * Tasklist queries, results files). Asserts correctness only, never timing.
 */
class BenchmarkSmokeTest {

  @Test
  void theBenchmarkRunsEndToEndAndEveryGrantEndsAsExpected() throws Exception {
    BenchOptions options = new BenchOptions(20, 2, 4, 40, 16, 5, 2, 8, 8, 2, 3, 1, null, null, null, null,
        GrantsBenchmark.defaultOutputDir().resolveSibling("bench-smoke"), Duration.ofMinutes(5), true, 4, List.of(20));

    GrantsBenchmark.Outcome outcome = GrantsBenchmark.run(options);

    assertThat(outcome.problems()).isEmpty();
    JsonNode results = new ObjectMapper().readTree(outcome.json().toFile());
    assertThat(results.fieldNames()).toIterable().contains("date", "machine", "options", "lifecycle", "baseline",
        "programmeScale", "comparison", "peakHeap", "phases", "targets", "correctness");
    assertThat(results.at("/lifecycle/multiThread/grantsEndedAsExpected").asInt()).isEqualTo(20);
    assertThat(results.at("/lifecycle/singleThread/grantsEndedAsExpected").asInt()).isEqualTo(2);
    assertThat(results.at("/baseline/multiThread/ended").asInt()).isEqualTo(8);
    assertThat(results.at("/programmeScale/queries").size()).isEqualTo(TasklistQueries.probes("a", "b").size());
    for (String key : new String[] {"/comparison/costPerTaskRatio", "/comparison/lifecycleThreadScaling",
        "/lifecycle/multiThread/grantsPerMinute", "/lifecycle/multiThread/jobsPerSecond",
        "/lifecycle/databaseBytesPerClosedGrant", "/peakHeap/sumOfHeapPoolPeaksMb",
        "/programmeScale/taskCompletionAtScale/p95Ms"}) {
      assertThat(results.at(key).isNumber()).as(key).isTrue();
    }
    assertThat(results.at("/baseline/authorizationsOn/multiThread/ended").asInt()).isEqualTo(8);
    assertThat(results.at("/baseline/authorizationsOn/authorizationRowsPerInstance").asDouble()).isGreaterThan(0);
    assertThat(results.at("/comparison/costPerTaskRatioAuthOn").isNumber()).isTrue();
    // the scale curve: a stop at 20 grants, then the last at 40
    assertThat(results.at("/programmeScale/curve").size()).isEqualTo(2);
    assertThat(results.at("/programmeScale/curve/0/grantsApplied").asInt()).isEqualTo(20);
    assertThat(results.at("/programmeScale/curve/1/pages").size()).isEqualTo(TasklistQueries.probes("a", "b").size());
    // a page with tasks asks its variable columns (the filters show five)
    assertThat(results.at("/programmeScale/queries").findValues("columns").get(0).size()).isEqualTo(5);
    assertThat(results.at("/programmeScale/authorizationRows/total").asLong()).isGreaterThan(0);
    assertThat(results.at("/programmeScale/queriesWithTheEnginesVariableQuery").size())
        .isEqualTo(TasklistQueries.probes("a", "b").size());
    assertThat(results.at("/programmeScale/queriesWithoutVariableScopeIndex").size())
        .isEqualTo(TasklistQueries.probes("a", "b").size());
    assertThat(results.at("/targets").size()).isEqualTo(8);
    assertThat(outcome.markdown()).content()
        .contains("| measure | lifecycle (app) | bare engine, authorisations off | bare engine, authorisations on |")
        .containsPattern("Lifecycle / bare engine \\(authorisations off\\) cost per user task: \\d+\\.\\d\\dx")
        .containsPattern("Lifecycle / bare engine \\(authorisations on\\) cost per user task: \\d+\\.\\d\\dx");
  }
}
