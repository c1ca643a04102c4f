package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.citygrants.cohortrun.Cast;
import org.citygrants.cohortrun.CohortDriver;
import org.citygrants.cohortrun.CohortReport;
import org.citygrants.cohortrun.GrantPlayer;
import org.citygrants.cohortrun.RestPort;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started on its own on an embedded PostgreSQL, and a grant carried through its
 * REST API end to end (the straight grant: application, sizing, award, preparation, committee,
 * experiments, payments, reports, closure), as the people of the demo: it must end as its scenario
 * expects with its ledger balanced (one grant: the other paths run on Operaton in the lifecycle
 * tests). Its webapps answer with the programme's customisation: Tasklist and Cockpit under
 * {@code /camunda}, the programme's style sheet among their files.
 *
 * <p><b>A deployment moved from Camunda to Operaton</b> (README, "Engines", "Moving a deployment"):
 * when the Camunda build's jar is there ({@code citygrants.camunda.jar}: CI's first command made
 * it), the grant begins on it: the Camunda jar creates the database, the city applies and the
 * grant is sized (the DMN's proposal stored as JSON by Camunda's Spin), awarded and prepared
 * ({@link #STEPS_ON_CAMUNDA} steps); the Camunda jar stops, the Operaton jar starts on the same
 * database and port with nothing changed but the jar, deploys no new version of any model, and
 * carries the same grant to its end. {@code citygrants.move.required=true} (CI) makes a missing
 * Camunda jar a failure; otherwise the grant starts on Operaton and the test says so.
 *
 * <p>Run by the Operaton build (engines/operaton, README "Engines") on the Operaton jar; the
 * Camunda build leaves it out, as {@link ClusterCrashIT} carries the same cohort through the
 * Camunda jar's REST API on two nodes.
 */
@Tag(OwnApplication.TAG)
class PackagedGrantIT {

  /** GrantScenario index: 0 STRAIGHT. */
  private static final List<Integer> GRANTS = List.of(0);
  /** Steps of the grant on the Camunda jar before the move: sizing, award, coach, onboarding, plan. */
  private static final int STEPS_ON_CAMUNDA = 5;

  @Test
  void theJarCarriesAGrantThroughItsRestApiToItsEndWithABalancedLedger() throws Exception {
    Optional<Path> camundaJar = camundaJar();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String database = postgres.getJdbcUrl("postgres", "postgres");
      int port = AppNode.freePort();
      RestPort rest = new RestPort(List.of("http://localhost:" + port));
      CohortDriver driver = new CohortDriver(rest, Cast.demo());
      List<GrantPlayer> players = driver.players(GRANTS);
      long started = System.nanoTime();
      long deadline = started + Duration.ofMinutes(6).toNanos();
      String deployedOnCamunda = null;

      if (camundaJar.isPresent()) {
        AppNode camunda = new AppNode("camunda-before-the-move", camundaJar.get(), port, database, List.of());
        camunda.start("camunda");
        try {
          camunda.awaitReady(Duration.ofMinutes(4));
          driver.applyAll(players, deadline);
          driver.playToEnd(players, deadline, Duration.ofMillis(50), i -> true, i -> STEPS_ON_CAMUNDA);
          GrantPlayer grant = players.get(0);
          assertThat(rest.completedTasks(grant.grant(), CityGrantProcess.Elements.SIZE_GRANT)).as("sized on Camunda").isEqualTo(1);
          assertThat(rest.endEvent(grant.grant())).as("the grant goes on after the move").isEmpty();
          deployedOnCamunda = definitions(rest);
          assertThat(deployedOnCamunda).contains("city-grant:1:", "grant-payment:1:");
        } catch (Throwable failure) {
          System.out.println(camunda.tail(80));
          throw failure;
        } finally {
          camunda.stop();
        }
        System.out.printf("PackagedGrantIT: %s began on the Camunda jar (%s), moved to this jar%n",
            players.get(0).grant(), camundaJar.get().getFileName());
      } else {
        System.out.println("PackagedGrantIT: no Camunda jar (citygrants.camunda.jar), the grant begins on this jar");
      }

      AppNode node = new AppNode("packaged-grant", AppNode.jar(), port, database, List.of());
      node.start("packaged-grant");
      try {
        node.awaitReady(Duration.ofMinutes(4));
        if (deployedOnCamunda != null) {
          assertThat(definitions(rest)).as("the moved deployment's models: no new version").isEqualTo(deployedOnCamunda);
        }
        for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/")) {
          assertThat(rest.get("admin", page).status()).as(page).isEqualTo(200);
        }
        RestPort.Reply branding = rest.get("admin", "/camunda/app/branding.css");
        assertThat(branding.status()).isEqualTo(200);
        assertThat(branding.body()).contains("#0b7a75");
        assertThat(rest.get("admin", "/camunda/app/tasklist/styles/user-styles.css").body())
            .contains("branding.css");

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

  /** Every deployed process and decision definition, key and version, as the administrator sees them. */
  private static String definitions(RestPort rest) {
    String processes = rest.get("admin", "/engine-rest/process-definition?sortBy=id&sortOrder=asc").json()
        .findValuesAsText("id").toString();
    String decisions = rest.get("admin", "/engine-rest/decision-definition?sortBy=id&sortOrder=asc").json()
        .findValuesAsText("id").toString();
    return processes + " " + decisions;
  }

  /** The Camunda build's jar, when there; absent and required (CI) is a failure. */
  private static Optional<Path> camundaJar() {
    String property = System.getProperty("citygrants.camunda.jar");
    Optional<Path> jar = Optional.ofNullable(property).filter(p -> !p.isBlank()).map(Path::of).filter(Files::isRegularFile);
    if (jar.isEmpty() && Boolean.getBoolean("citygrants.move.required")) {
      throw new IllegalStateException("no Camunda jar at " + property
          + ": build it first (mvn -B verify at the top), the move from Camunda is required here");
    }
    return jar;
  }
}
