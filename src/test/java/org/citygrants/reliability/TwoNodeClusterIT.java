package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.citygrants.cohortrun.Cast;
import org.citygrants.cohortrun.CohortDriver;
import org.citygrants.cohortrun.CohortReport;
import org.citygrants.cohortrun.RestPort;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's homogeneous cluster: two processes of the packaged application on one PostgreSQL
 * database, each with its own job executor and engine host name. A cohort of grants is driven
 * through both nodes, every call to the next node in turn, so a task read on one node is claimed
 * and completed on the other, and each completed task is looked up on the other node, which must
 * answer 404. Every grant must reach its expected end with its ledger balanced and the expected
 * amounts paid and recovered; every job must have succeeded exactly once across the cluster; and
 * both nodes must have executed jobs (the job log's host name says which).
 */
class TwoNodeClusterIT {

  private static final int GRANTS = 10;
  private static final int THREADS = 4;

  private static EmbeddedPostgres postgres;
  private static AppNode nodeA;
  private static AppNode nodeB;

  @BeforeAll
  static void startDatabase() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    nodeA = new AppNode("node-a", jdbcUrl, List.of());
    nodeB = new AppNode("node-b", jdbcUrl, List.of());
  }

  @AfterAll
  static void stopEverything() throws IOException {
    for (AppNode node : new AppNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twoNodesOnOneDatabaseShareTheCohortAndRunEachJobOnce() {
    try {
      run();
    } catch (Throwable failure) {
      System.out.println(nodeA.tail(60));
      System.out.println(nodeB.tail(60));
      throw failure;
    }
  }

  private void run() {
    long t0 = System.nanoTime();
    // one after the other: the first start creates the schema, deploys and seeds the demo users
    nodeA.start("node-a");
    nodeA.awaitReady(Duration.ofSeconds(120));
    nodeB.start("node-b");
    nodeB.awaitReady(Duration.ofSeconds(120));
    double started = (System.nanoTime() - t0) / 1e9;

    RestPort port = new RestPort(List.of(nodeA.url(), nodeB.url()));
    CohortReport report = new CohortDriver(port, Cast.demo())
        .run(CohortDriver.Options.of(GRANTS, THREADS).withTimeout(Duration.ofMinutes(10)));
    JobHistory jobs = new JobHistory(postgres.getPostgresDatabase());

    System.out.printf("""
        TwoNodeClusterIT: %d grants %s, %d client threads, two nodes on one database
          both nodes ready after %.1f s; cohort %.1f s; steps %d, conflicts %d
          calls per node %s; completed tasks looked up on the other node: %d (%d still there)
          successful jobs by host: %s; failed executions (retried): %s
          disbursements by host: %s
        """, GRANTS, report.scenarios(), THREADS, started, report.elapsedSeconds(), report.steps(),
        report.conflicts(), port.callsPerNode(), port.crossNodeChecks(), port.crossNodeFailures().size(),
        jobs.successesByHostname(), jobs.failuresByHostname(),
        jobs.successesByActivityAndHostname().entrySet().stream()
            .filter(e -> e.getKey().startsWith(PaymentProcess.Elements.DISBURSE_PAYMENT))
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));

    // every grant at its end, ledger balanced, paid and recovered exactly as expected
    assertThat(report.problems()).isEmpty();
    assertThat(report.grantsEndedAsExpected()).isEqualTo(GRANTS);
    // each job ran successfully once across the cluster, and both nodes ran jobs
    assertThat(jobs.jobsSucceededMoreThanOnce()).isEmpty();
    assertThat(jobs.successesByHostname()).containsOnlyKeys("node-a", "node-b");
    assertThat(jobs.successesByHostname().values()).allSatisfy(n -> assertThat(n).isPositive());
    // both nodes served the cohort, and a task completed on one node is gone on the other
    assertThat(port.callsPerNode()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(port.crossNodeChecks()).isPositive();
    assertThat(port.crossNodeFailures()).isEmpty();
  }
}
