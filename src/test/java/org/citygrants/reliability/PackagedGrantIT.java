package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import org.citygrants.cohortrun.Cast;
import org.citygrants.cohortrun.CohortDriver;
import org.citygrants.cohortrun.CohortReport;
import org.citygrants.cohortrun.GrantPlayer;
import org.citygrants.cohortrun.RestPort;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started on its own on an embedded PostgreSQL, and a grant carried through its
 * REST API end to end (the straight grant: application, sizing, award, preparation, committee,
 * experiments, payments, reports, closure), as the people of the demo: it must end as its scenario
 * expects with its ledger balanced (one grant: the suite's time budget; the other paths run on
 * Operaton in the lifecycle tests). Its
 * webapps answer with the programme's customisation: Tasklist and Cockpit under {@code /camunda},
 * the programme's style sheet among their files.
 *
 * <p>Run by the Operaton build (engines/operaton, README "Engines") on the Operaton jar; the
 * Camunda build leaves it out, as {@link ClusterCrashIT} carries the same cohort through the
 * Camunda jar's REST API on two nodes.
 */
@Tag(OwnApplication.TAG)
class PackagedGrantIT {

  /** GrantScenario index: 0 STRAIGHT. */
  private static final List<Integer> GRANTS = List.of(0);

  @Test
  void theJarCarriesAGrantThroughItsRestApiToItsEndWithABalancedLedger() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      AppNode node = new AppNode("packaged-grant", postgres.getJdbcUrl("postgres", "postgres"), List.of());
      node.start("packaged-grant");
      try {
        node.awaitReady(Duration.ofMinutes(4));
        RestPort port = new RestPort(List.of(node.url()));

        for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/")) {
          assertThat(port.get("admin", page).status()).as(page).isEqualTo(200);
        }
        RestPort.Reply branding = port.get("admin", "/camunda/app/branding.css");
        assertThat(branding.status()).isEqualTo(200);
        assertThat(branding.body()).contains("#0b7a75");
        assertThat(port.get("admin", "/camunda/app/tasklist/styles/user-styles.css").body())
            .contains("branding.css");

        CohortDriver driver = new CohortDriver(port, Cast.demo());
        List<GrantPlayer> players = driver.players(GRANTS);
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(4).toNanos();
        driver.applyAll(players, deadline);
        driver.playToEnd(players, deadline, Duration.ofMillis(50), i -> true);
        CohortReport report = driver.report(players, System.nanoTime() - started);
        System.out.printf("PackagedGrantIT: %s in %.1f s, %d steps%n", report.ends(), report.elapsedSeconds(),
            report.steps());

        assertThat(report.problems()).isEmpty();
        assertThat(report.grantsEndedAsExpected()).isEqualTo(GRANTS.size());
      } catch (Throwable failure) {
        System.out.println(node.tail(80));
        throw failure;
      } finally {
        node.stop();
      }
    }
  }
}
