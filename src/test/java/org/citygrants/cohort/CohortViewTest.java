package org.citygrants.cohort;

import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.GrantJourney;
import org.citygrants.support.OwnApplication;
import org.citygrants.support.ThisContextsEngineIsDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port with the demo identities and a small cohort, set up
 * once through the process gateway as its users would:
 *
 * <ul>
 *   <li>Lyon ({@code lyon}, coach1): awarded EUR 40,000, prepared, committee approved, one
 *       experiment (people, persevere, no win), a progress report overdue;</li>
 *   <li>Tampere ({@code tampere}, coach2): awarded EUR 35,000, one experiment (solution, pivot)
 *       whose win coach2 flagged and whose learnings the city chose to share with the cohort, its
 *       progress report submitted (a private text);</li>
 *   <li>a second Lyon grant in preparation, two of its four preparation steps done.</li>
 * </ul>
 * What is tested goes over HTTP. Every subclass shares this application context.
 */
@Tag(OwnApplication.TAG)
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:cohort-view;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
    "camunda.bpm.job-execution.enabled=false"})
@ExtendWith(ThisContextsEngineIsDefault.class)
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
abstract class CohortViewTest {

  static final String PASSWORD = "demo";

  static final String TAMPERE_WIN = "Residents tested the sauna-side citizen panel and 60 signed up for the next one.";
  static final String TAMPERE_EXPERIMENT = "Sauna-side citizen panels";
  /** Texts of reports: never part of the cohort view, whoever looks. */
  static final String PRIVATE_RESULTS = "Private results: the panel budget was tight.";
  static final String PRIVATE_LEARNING_LOG = "Private learning log: the first panel failed.";
  /** What Tampere chose to share with the cohort of its experiment's learnings (Lyon shares nothing). */
  static final String TAMPERE_LEARNINGS = "Panels by the sauna drew residents who never come to the town hall.";

  /** The cohort, created once per application context. */
  record Cohort(String lyon, String tampere, String lyonInPreparation) {}

  private static ProcessEngine cohortEngine;
  private static Cohort cohort;
  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired GrantJourney journey;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  /** The cohort of this context's engine, created before its first test. */
  @BeforeEach
  void cohortAndEngine() {
    synchronized (CohortViewTest.class) {
      if (cohortEngine != processEngine) {
        cohort = createCohort();
        cohortEngine = processEngine;
      }
    }
  }

  Cohort cohort() {
    return cohort;
  }

  CohortHttp anonymous() {
    return new CohortHttp(port, null, null);
  }

  CohortHttp as(String user) {
    return new CohortHttp(port, user, PASSWORD);
  }

  /** {@code GET /api/cohort} as this user; fails unless 200. */
  CohortHttp.Response cohortAs(String user) {
    CohortHttp.Response response = as(user).get("/api/cohort", "application/json");
    if (response.status() != 200) {
      throw new AssertionError("GET /api/cohort as " + user + ": " + response);
    }
    return response;
  }

  // --- the cohort

  private Cohort createCohort() {
    String lyon = grantInExperimentation("lyon", "coach1", 40000);
    runExperiment(lyon, "lyon", "coach1", experimentPlan(6000, 8), 5200, "persevere", null, null);
    journey.fireTimer(lyon, PROGRESS_REPORT_DUE);
    String report = journey.task(lyon, SUBMIT_PROGRESS_REPORT).getId();
    taskService.setDueDate(report, Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));

    String tampere = grantInExperimentation("tampere", "coach2", 35000);
    runExperiment(tampere, "tampere", "coach2", with(experimentPlan(7300, 6), "experimentTitle", TAMPERE_EXPERIMENT,
        "experimentType", "solution"), 6100, "pivot", TAMPERE_WIN, TAMPERE_LEARNINGS);
    journey.fireTimer(tampere, PROGRESS_REPORT_DUE);
    journey.complete(tampere, SUBMIT_PROGRESS_REPORT, "tampere", with(progressReport(), "learningLog", PRIVATE_LEARNING_LOG));

    String lyonInPreparation = grantInPreparation("lyon", "coach1", 20000);
    journey.complete(lyonInPreparation, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    journey.complete(lyonInPreparation, PLAN_EXPERIMENTATION, "lyon", planningCanvas());
    return new Cohort(lyon, tampere, lyonInPreparation);
  }

  private String grantInPreparation(String city, String coach, int amount) {
    String grant = journey.apply(city, application("learning"));
    journey.complete(grant, SIZE_GRANT, "officer", with(award(amount), "sizingReason",
        "A smaller first grant, agreed with the city."));
    journey.acceptAward(grant, city);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", coach));
    return grant;
  }

  private String grantInExperimentation(String city, String coach, int amount) {
    String grant = grantInPreparation(city, coach, amount);
    journey.cityPrepares(grant, city, "officer");
    journey.payOpenPayment(grant);
    journey.readyAndCommitteeApproves(grant, city, coach);
    return grant;
  }

  /**
   * One experiment cycle up to the coach's decision (a win when a story is given, learnings shared
   * with the cohort when given), the tranche paid if due.
   */
  private void runExperiment(String grant, String city, String coach, Map<String, Object> plan, int spent,
      String outcome, String winStory, String sharedLearnings) {
    journey.complete(grant, PLAN_EXPERIMENT, city, plan);
    journey.complete(grant, REVIEW_EXPERIMENT_PLAN, coach, experimentPlanReview(true));
    journey.fireTimer(grant, EXPERIMENT_MIDPOINT);
    journey.complete(grant, HOLD_MID_CYCLE_CHECK_IN, coach, checkIn());
    journey.fireTimer(grant, EXPERIMENT_ENDED);
    journey.complete(grant, REPORT_EXPERIMENT_RESULTS, city,
        sharedLearnings == null ? with(experimentReport(spent, true), "experimentResults", PRIVATE_RESULTS)
            : with(experimentReport(spent, true), "experimentResults", PRIVATE_RESULTS,
                "experimentLearnings", sharedLearnings, "shareLearnings", true));
    journey.complete(grant, DECIDE_EXPERIMENT_OUTCOME, coach, with(experimentOutcome(true, outcome, winStory != null),
        "winStory", winStory == null ? "" : winStory));
    if (journey.openTaskKeys(grant).contains(PaymentProcess.Elements.REQUEST_PAYMENT)) {
      payOpenPayment(grant);
    }
  }

  void payOpenPayment(String grant) {
    journey.payOpenPayment(grant);
  }
}
