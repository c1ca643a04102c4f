package org.citygrants.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.overrun;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.citygrants.evidence.EvidenceFile;
import org.citygrants.evidence.EvidenceFiles;
import org.citygrants.evidence.MovementEvidence;
import org.citygrants.evidence.SampleFiles;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.MovementType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cohort view and a grant's page over HTTP, on one cohort in one application of their own
 * ({@link CohortViewTest}): who sees what of the cohort, the pages and their sign-in, every part of
 * a grant's page. One test class with nested groups so that Failsafe runs them in one JVM and the
 * application boots once (as three classes they were handed to both JVMs and it booted twice).
 */
class CohortViewAndGrantPagesTest extends CohortViewTest {

  /**
   * What {@code GET /api/cohort} shows to whom: programme staff see every grant's money, a coach
   * the money of the grants they coach, a city its own; every city sees the whole cohort's
   * phases, experiments, decisions and wins. Money a viewer may not see is absent, not zero, and
   * report texts are never in the view.
   */
  @Nested
  class Visibility {

    @Test
    void theManagerSeesEveryGrantWithItsPhaseProgressExperimentsAndMoney() {
      JsonNode view = cohortAs("manager").json();

      assertThat(view.path("viewer").path("role").asText()).isEqualTo("programme");
      assertThat(view.path("viewer").path("roleLabel").asText()).isEqualTo("Programme manager");
      assertThat(view.path("currency").asText()).isEqualTo("EUR");
      assertThat(references(view)).containsExactlyInAnyOrder(cohort().lyon(), cohort().lyonInPreparation(),
          cohort().tampere());

      JsonNode lyon = grant(view, cohort().lyon());
      assertThat(lyon.path("cityName").asText()).isEqualTo("Lyon");
      assertThat(lyon.path("coach").path("id").asText()).isEqualTo("coach1");
      assertThat(lyon.path("coach").path("name").asText()).isEqualTo("Paul Moreau");
      assertThat(lyon.path("phase").path("key").asText()).isEqualTo("experimentation");
      assertThat(lyon.path("phase").path("label").asText()).isEqualTo("Experimenting");
      assertThat(lyon.path("preparation").path("done").asInt()).isEqualTo(4);
      assertThat(lyon.path("preparation").path("total").asInt()).isEqualTo(4);
      assertThat(lyon.path("decisions").path("persevere").asInt()).isEqualTo(1);
      assertThat(lyon.path("access").asText()).isEqualTo("full");
      assertThat(lyon.path("money").path("awarded").asText()).isEqualTo("40000.00");
      assertThat(lyon.path("money").path("paid").asText()).matches("[1-9][0-9]*\\.[0-9]{2}");
      assertThat(lyon.path("money").path("reportedSpent").asText()).isEqualTo("5200.00");
      assertThat(lyon.path("experiments").get(0).path("budget").asText()).isEqualTo("6000.00");

      JsonNode tampere = grant(view, cohort().tampere());
      assertThat(tampere.path("money").path("awarded").asText()).isEqualTo("35000.00");
      assertThat(tampere.path("money").path("reportedSpent").asText()).isEqualTo("6100.00");
      JsonNode experiment = tampere.path("experiments").get(0);
      assertThat(experiment.path("title").asText()).isEqualTo(TAMPERE_EXPERIMENT);
      assertThat(experiment.path("type").asText()).isEqualTo("solution");
      assertThat(experiment.path("outcome").asText()).isEqualTo("pivot");
      assertThat(experiment.path("win").asBoolean()).isTrue();
      assertThat(experiment.path("spent").asText()).isEqualTo("6100.00");

      JsonNode preparing = grant(view, cohort().lyonInPreparation());
      assertThat(preparing.path("phase").path("key").asText()).isEqualTo("preparation");
      assertThat(preparing.path("preparation").path("done").asInt()).isEqualTo(2);
      assertThat(preparing.path("preparation").path("steps").findValuesAsText("label")).containsExactly(
          "Method onboarding", "Planning canvas", "Internal authorisations", "Procurement approved");
      assertThat(preparing.path("money").path("awarded").asText()).isEqualTo("20000.00");
      assertThat(preparing.path("money").path("paid").asText()).isEqualTo("0.00");

      JsonNode summary = view.path("summary");
      assertThat(summary.path("grants").asInt()).isEqualTo(3);
      assertThat(summary.path("experiments").asInt()).isEqualTo(2);
      assertThat(summary.path("money").path("awarded").asText()).isEqualTo("95000.00");
      assertThat(summary.path("money").path("reportedSpent").asText()).isEqualTo("11300.00");

      assertThat(view.path("overdueReports")).hasSize(1);
      JsonNode overdue = view.path("overdueReports").get(0);
      assertThat(overdue.path("grantReference").asText()).isEqualTo(cohort().lyon());
      assertThat(overdue.path("report").asText()).isEqualTo("Progress report");
      assertThat(overdue.path("daysOverdue").asInt()).isBetween(2, 3);
    }

    @Test
    void lyonSeesTamperesPhaseExperimentsAndWinButNeverTamperesMoney() {
      CohortHttp.Response response = cohortAs("lyon");
      JsonNode view = response.json();

      assertThat(view.path("viewer").path("role").asText()).isEqualTo("city");
      assertThat(view.path("viewer").path("cityCodes").get(0).asText()).isEqualTo("lyon");

      JsonNode tampere = grant(view, cohort().tampere());
      assertThat(tampere.path("phase").path("key").asText()).isEqualTo("experimentation");
      assertThat(tampere.path("preparation").path("done").asInt()).isEqualTo(4);
      assertThat(tampere.path("decisions").path("pivot").asInt()).isEqualTo(1);
      assertThat(tampere.path("experiments").get(0).path("type").asText()).isEqualTo("solution");
      assertThat(tampere.path("experiments").get(0).path("outcome").asText()).isEqualTo("pivot");
      assertThat(tampere.path("access").asText()).isEqualTo("peer");
      // absent, not zero
      assertThat(tampere.has("money")).as("Tampere's money in Lyon's view: %s", tampere).isFalse();
      assertThat(tampere.has("preparationLate")).isFalse();
      assertThat(tampere.path("experiments").get(0).has("budget")).isFalse();
      assertThat(tampere.path("experiments").get(0).has("spent")).isFalse();
      assertThat(tampere.path("experiments").get(0).has("title")).as("the title a city typed stays with its team").isFalse();
      assertThat(tampere.has("page")).as("no link to another city's grant page").isFalse();
      assertThat(response.body()).doesNotContain("35000", "7300", "6100", "/grants/" + cohort().tampere());
      // the title appears once: in the learnings Tampere chose to share
      assertThat(response.body().split(TAMPERE_EXPERIMENT, -1)).hasSize(2);

      assertThat(view.path("wins").findValuesAsText("story")).contains(TAMPERE_WIN);
      JsonNode win = view.path("wins").get(0);
      assertThat(win.path("cityName").asText()).isEqualTo("Tampere");
      assertThat(win.path("grantReference").asText()).isEqualTo(cohort().tampere());
      assertThat(win.path("flaggedBy").asText()).isEqualTo("Katarzyna Wiśniewska");
      assertThat(win.path("flaggedAt").asText()).isNotBlank();

      JsonNode own = grant(view, cohort().lyon());
      assertThat(own.path("access").asText()).isEqualTo("full");
      assertThat(own.path("page").asText()).isEqualTo("/grants/" + cohort().lyon());
      assertThat(own.path("money").path("awarded").asText()).isEqualTo("40000.00");
      assertThat(own.path("money").path("reportedSpent").asText()).isEqualTo("5200.00");
      assertThat(grant(view, cohort().lyonInPreparation()).path("money").path("awarded").asText()).isEqualTo("20000.00");

      assertThat(view.path("summary").has("money")).as("no cohort totals for a city").isFalse();
      assertThat(view.path("overdueReports").findValuesAsText("grantReference")).containsExactly(cohort().lyon());
    }

    @Test
    void everyCitySeesTheLearningsACityChoseToShareAndNothingItKeptToItself() {
      for (String user : List.of("lyon", "tampere", "coach1", "manager")) {
        CohortHttp.Response response = cohortAs(user);
        JsonNode learnings = response.json().path("learnings");
        assertThat(learnings).as(user).hasSize(1);
        JsonNode shared = learnings.get(0);
        assertThat(shared.path("cityName").asText()).isEqualTo("Tampere");
        assertThat(shared.path("experimentTitle").asText()).isEqualTo(TAMPERE_EXPERIMENT);
        assertThat(shared.path("experimentType").asText()).isEqualTo("solution");
        assertThat(shared.path("decision").asText()).isEqualTo("pivot");
        assertThat(shared.path("learnings").asText()).isEqualTo(TAMPERE_LEARNINGS);
        assertThat(shared.path("sharedAt").asText()).isNotBlank();
        assertThat(shared.has("grantReference")).isFalse();
        // Lyon did not tick the choice: its learnings stay with its team, coach and the programme
        assertThat(response.body()).as(user).doesNotContain("Evening slots");
      }
      CohortHttp.Response lyon = cohortAs("lyon");
      assertThat(grant(lyon.json(), cohort().tampere()).has("money")).as("sharing learnings shares no money").isFalse();
      assertThat(lyon.body()).doesNotContain("35000", "7300", "6100");
    }

    @Test
    void theLinkToAGrantsPageIsForThoseWhoMayReadTheGrantInFull() {
      JsonNode manager = cohortAs("manager").json();
      for (JsonNode grant : manager.path("grants")) {
        assertThat(grant.path("page").asText()).isEqualTo("/grants/" + grant.path("grantReference").asText());
      }
      JsonNode coach2 = cohortAs("coach2").json();
      assertThat(grant(coach2, cohort().tampere()).path("page").asText()).isEqualTo("/grants/" + cohort().tampere());
      assertThat(grant(coach2, cohort().lyon()).has("page")).isFalse();
      JsonNode tampere = cohortAs("tampere").json();
      assertThat(grant(tampere, cohort().lyon()).has("page")).isFalse();
      assertThat(grant(tampere, cohort().lyonInPreparation()).has("page")).isFalse();
      assertThat(grant(tampere, cohort().tampere()).path("page").asText()).isEqualTo("/grants/" + cohort().tampere());
    }

    @Test
    void tampereSeesLyonsPhaseButNeitherItsMoneyNorItsOverdueReport() {
      CohortHttp.Response response = cohortAs("tampere");
      JsonNode view = response.json();

      JsonNode lyon = grant(view, cohort().lyon());
      assertThat(lyon.path("phase").path("key").asText()).isEqualTo("experimentation");
      assertThat(lyon.path("decisions").path("persevere").asInt()).isEqualTo(1);
      assertThat(lyon.has("money")).isFalse();
      assertThat(grant(view, cohort().lyonInPreparation()).has("money")).isFalse();
      assertThat(response.body()).doesNotContain("40000", "20000", "5200", "6000.00");
      assertThat(view.path("overdueReports")).isEmpty();
      assertThat(view.path("summary").path("overdueReports").asInt()).isZero();

      assertThat(grant(view, cohort().tampere()).path("money").path("awarded").asText()).isEqualTo("35000.00");
    }

    @Test
    void aCoachSeesTheMoneyAndReportsOfTheCitiesTheyCoachAndThePhasesAndWinsOfAll() {
      JsonNode coach2 = cohortAs("coach2").json();
      assertThat(coach2.path("viewer").path("role").asText()).isEqualTo("coach");
      assertThat(grant(coach2, cohort().tampere()).path("money").path("awarded").asText()).isEqualTo("35000.00");
      assertThat(grant(coach2, cohort().tampere()).path("access").asText()).isEqualTo("full");
      assertThat(grant(coach2, cohort().lyon()).has("money")).isFalse();
      assertThat(grant(coach2, cohort().lyon()).path("phase").path("key").asText()).isEqualTo("experimentation");
      assertThat(coach2.path("wins").findValuesAsText("story")).contains(TAMPERE_WIN);
      assertThat(coach2.path("overdueReports")).as("Lyon's report is coach1's to follow up").isEmpty();

      JsonNode coach1 = cohortAs("coach1").json();
      assertThat(grant(coach1, cohort().lyon()).path("money").path("awarded").asText()).isEqualTo("40000.00");
      assertThat(grant(coach1, cohort().tampere()).has("money")).isFalse();
      assertThat(coach1.path("overdueReports").findValuesAsText("grantReference")).containsExactly(cohort().lyon());
    }

    @Test
    void financeAndOfficersSeeEveryGrantsMoney() {
      for (String user : List.of("finance1", "officer")) {
        JsonNode view = cohortAs(user).json();
        assertThat(view.path("viewer").path("role").asText()).isEqualTo("programme");
        for (JsonNode grant : view.path("grants")) {
          assertThat(grant.has("money")).as("%s sees the money of %s", user, grant.path("grantReference")).isTrue();
        }
        assertThat(view.path("summary").path("money").path("awarded").asText()).isEqualTo("95000.00");
      }
    }

    @Test
    void reportTextsAreNeverPartOfTheView() {
      for (String user : List.of("manager", "officer", "coach1", "coach2", "lyon", "tampere")) {
        assertThat(cohortAs(user).body()).as(user).doesNotContain(PRIVATE_RESULTS, PRIVATE_LEARNING_LOG,
            "Evening slots", "experimentResults", "learningLog");
      }
    }

    @Test
    void someoneWithoutAProgrammeRoleIsRefused() {
      CohortHttp.Response admin = as("admin").get("/api/cohort", "application/json");
      assertThat(admin.status()).as("%s", admin).isEqualTo(403);
      assertThat(admin.json().path("message").asText()).contains("programme staff, coaches and city teams");
      assertThat(admin.body()).doesNotContain("Tampere");
    }

    private static List<String> references(JsonNode view) {
      List<String> references = new ArrayList<>();
      view.path("grants").forEach(g -> references.add(g.path("grantReference").asText()));
      return references;
    }

    private static JsonNode grant(JsonNode view, String reference) {
      for (JsonNode grant : view.path("grants")) {
        if (grant.path("grantReference").asText().equals(reference)) {
          return grant;
        }
      }
      throw new AssertionError(reference + " not in the view: " + view.path("grants"));
    }
}

  /**
   * The page {@code /cohort/} and its data behind the same sign-in as the rest of the application:
   * HTTP Basic or the Camunda webapps' session; a browser without a session is sent to the
   * Tasklist sign-in, anything else gets 401. Chart.js comes from its webjar.
   */
  @Nested
  class CohortPage {

    static final String HTML = "text/html,application/xhtml+xml";

    @Test
    void withoutSignInTheDataIs401AndThePageSendsABrowserToTheTasklistSignIn() {
      CohortHttp.Response data = anonymous().get("/api/cohort", "application/json");
      assertThat(data.status()).isEqualTo(401);
      assertThat(data.body()).doesNotContain("Tampere", "Lyon");

      CohortHttp.Response script = anonymous().get("/api/cohort", "application/json", "X-Requested-With", "XMLHttpRequest");
      assertThat(script.status()).isEqualTo(401);
      assertThat(script.headers().firstValue("WWW-Authenticate")).as("no Basic prompt for the page's script").isEmpty();

      CohortHttp.Response page = anonymous().get("/cohort/", HTML);
      assertThat(page.status()).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("/camunda/app/tasklist/"));

      assertThat(anonymous().get("/cohort/", "*/*").status()).isEqualTo(401);
      assertThat(anonymous().get("/cohort/cohort.js", "*/*").status()).isEqualTo(401);
      // after a wrong password the engine delays that user's next sign-in: unlocked again for the
      // tests that sign in as finance2 next in this JVM
      assertThat(new CohortHttp(port, "finance2", "wrong").get("/api/cohort", "application/json").status()).isEqualTo(401);
      identityService.unlockUser("finance2");
    }

    @Test
    void aSignedInUserGetsThePageItsScriptsAndChartJsFromTheWebjar() {
      CohortHttp.Response page = as("lyon").get("/cohort/", HTML);
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("<title>Cohort view", "decisionsChart", "moneyChart")
          // named by content version (delivery/VersionedPageLinks), so a browser keeps them a year
          .containsPattern("/webjars/chart.js/[0-9.]+/dist/chart.umd-[0-9a-f]{32}\\.js").containsPattern("/cohort/cohort-[0-9a-f]{32}\\.js");

      CohortHttp.Response withoutSlash = as("lyon").get("/cohort", HTML);
      assertThat(withoutSlash.status()).isEqualTo(302);
      assertThat(withoutSlash.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).endsWith("cohort/"));

      CohortHttp.Response script = as("lyon").get("/cohort/cohort.js", "*/*");
      assertThat(script.status()).isEqualTo(200);
      assertThat(script.body()).contains("new Chart(", "../api/cohort");
      assertThat(as("lyon").get("/cohort/cohort.css", "text/css").status()).isEqualTo(200);

      CohortHttp.Response chartJs = anonymous().get("/webjars/chart.js/dist/chart.umd.js", "*/*");
      assertThat(chartJs.status()).as("Chart.js from the webjar, version resolved by the locator").isEqualTo(200);
      assertThat(chartJs.body()).contains("Chart.js v4");
    }

    @Test
    void aBrowserSignedInToTasklistReadsTheCohortWithItsSession() {
      CohortHttp browser = anonymous();
      browser.signInToTasklist("tampere", PASSWORD);

      CohortHttp.Response page = browser.get("/cohort/", HTML, "Sec-Fetch-Mode", "navigate");
      assertThat(page.status()).as("%s", page).isEqualTo(200);

      CohortHttp.Response data = browser.get("/api/cohort", "application/json", "X-Requested-With", "XMLHttpRequest",
          "Sec-Fetch-Mode", "cors");
      assertThat(data.status()).as("%s", data).isEqualTo(200);
      assertThat(data.json().path("viewer").path("userId").asText()).isEqualTo("tampere");
      assertThat(data.json().path("viewer").path("name").asText()).isEqualTo("Mikko Laine");
    }

    /**
     * A browser loads the page's style sheet, script and data at the same time, all with the
     * session cookie it has: the session must stay the same, or the requests that were already on
     * their way fail with 401 (and Tasklist, open in another tab, loses its session).
     *
     * <p>Today the {@code applicationApi} filter chain's session management renews the session id
     * (session fixation protection) on every request signed in by the webapps' session. Enable this
     * test with the fix in {@code SecurityConfiguration.applicationApi}:
     * {@code .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))}
     * (the webapps' own sign-in already renews the session).
     */
    @Test
    void theSessionStaysTheSameSoThePagesParallelRequestsAllSucceed() {
      CohortHttp browser = anonymous();
      browser.signInToTasklist("lyon", PASSWORD);
      String session = browser.sessionId();

      for (String path : new String[] {"/cohort/", "/cohort/cohort.css", "/cohort/cohort.js", "/api/cohort"}) {
        CohortHttp.Response response = browser.getWithSession(path, path.startsWith("/api") ? "application/json" : "*/*", session);
        assertThat(response.status()).as("%s with the session cookie the browser had", path).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).as("%s renews no session", path)
            .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
      }
    }
}

  /**
   * A grant's page ({@code GET /api/grants/{reference}}, the page {@code /grants/{reference}}) over
   * HTTP, on the cohort of {@link CohortViewTest}: every part the city needs (how much, until when,
   * what next, what was received, what was decided), for its city team and coach, 403 for another
   * city or coach, and the indicative calendar moving with the plan.
   */
  @Nested
  class GrantPage {

    @Autowired EvidenceFiles evidence;
    @Autowired MovementEvidence movementEvidence;
    @Autowired LedgerService ledger;

    @Test
    void lyonSeesHowMuchUntilWhenWhatNextAndWhatItReceived() {
      JsonNode page = grantAs("lyon", cohort().lyon());

      assertThat(page.path("reference").asText()).isEqualTo(cohort().lyon());
      assertThat(page.path("cityName").asText()).isEqualTo("Lyon");
      assertThat(page.path("coach").path("name").asText()).isEqualTo("Paul Moreau");
      assertThat(page.path("coach").path("email").asText()).isEqualTo("paul.moreau@example.org");
      assertThat(page.path("status").path("label").asText()).isEqualTo("Experimenting");
      assertThat(page.path("objective").asText()).isNotBlank().doesNotContain("learning\"");
      assertThat(page.path("currency").asText()).isEqualTo("EUR");

      JsonNode terms = page.path("terms");
      assertThat(terms.path("awarded").asText()).isEqualTo("40000.00");
      assertThat(terms.path("preparationTime").asText()).doesNotStartWith("P").isNotBlank();
      assertThat(terms.path("programmeDuration").asText()).doesNotStartWith("P").isNotBlank();
      assertThat(LocalDate.parse(terms.path("preparationDeadline").asText())).isAfter(LocalDate.now());
      assertThat(LocalDate.parse(terms.path("programmeEnd").asText())).isAfter(LocalDate.now());
      assertThat(terms.path("advanceRateDecided").asBoolean()).isTrue();
      int rate = terms.path("advanceRatePercent").asInt();
      assertThat(rate).isBetween(10, 60);
      assertThat(terms.path("advanceAmount").asText()).isEqualTo(String.format("%d.00", 40000 * rate / 100));
      // the city accepted the terms: who and when, and the agreement as accepted
      assertThat(terms.path("acceptance").path("acceptedBy").asText()).isEqualTo("Claire Dubois");
      assertThat(terms.path("acceptance").path("agreementUrl").asText())
          .isEqualTo("/api/grants/" + cohort().lyon() + "/agreement");
      assertThat(as("lyon").get(terms.path("acceptance").path("agreementUrl").asText(), "application/pdf").status())
          .isEqualTo(200);
      assertThat(terms.path("budgetLines").findValuesAsText("label"))
          .containsExactlyInAnyOrder("Experiments", "Learning activities", "Investment committee", "Coaching");
      terms.path("budgetLines").forEach(line -> assertThat(line.path("purpose").asText()).isNotBlank());

      // what next: the overdue progress report is Lyon's to do, with its link into Tasklist
      JsonNode report = step(page, "Submit progress report");
      assertThat(report.path("yours").asBoolean()).isTrue();
      assertThat(report.path("overdue").asBoolean()).isTrue();
      assertThat(report.path("taskUrl").asText()).contains("/camunda/app/tasklist/default/#/?task=");
      assertThat(report.path("heldBy").asText()).isEqualTo("Lyon city team");

      // what was done, when and by whom (names, never user ids)
      List<String> done = texts(page.path("stepsDone"), "name");
      assertThat(done).contains("Size the grant", "Assign experimentation coach", "Plan an experiment");
      assertThat(texts(page.path("stepsDone"), "by")).doesNotContain("officer", "coach1", "manager", "lyon");

      // the experiment and the coach's decision; the report and its review
      JsonNode experiment = page.path("experiments").get(0);
      assertThat(experiment.path("decision").asText()).isEqualTo("Persevere");
      assertThat(experiment.path("type").asText()).isEqualTo("People");
      assertThat(experiment.path("budget").asText()).isEqualTo("6000.00");
      assertThat(experiment.path("spent").asText()).isEqualTo("5200.00");
      JsonNode experimentReport = page.path("reports").get(0);
      assertThat(experimentReport.path("name").asText()).isEqualTo("Experiment report");
      assertThat(experimentReport.path("outcome").asText()).isEqualTo("Accepted");
      assertThat(experimentReport.path("reviewedBy").asText()).isEqualTo("Paul Moreau");

      // what was received, what is to come (never more than the award)
      JsonNode advance = payment(page, "Advance");
      assertThat(advance.path("status").asText()).isEqualTo("paid");
      assertThat(advance.path("amount").asText()).isEqualTo(terms.path("advanceAmount").asText());
      JsonNode last = payment(page, "Final balance");
      assertThat(last.path("status").asText()).isEqualTo("expected");
      assertThat(last.path("atMost").asBoolean()).isTrue();
      assertThat(LocalDate.parse(last.path("date").asText())).isAfter(LocalDate.parse(terms.path("programmeEnd").asText()));
      double total = 0;
      for (JsonNode payment : page.path("payments")) {
        total += payment.path("amount").asDouble();
      }
      assertThat(total).isLessThanOrEqualTo(40000.0);

      assertThat(page.path("money").path("awarded").asText()).isEqualTo("40000.00");
      assertThat(page.path("money").path("reportedSpent").asText()).isEqualTo("5200.00");

      // what the others learned: Tampere shared its learnings, Lyon reads them on its own page
      JsonNode peer = page.path("cohortLearnings").get(0);
      assertThat(peer.path("cityName").asText()).isEqualTo("Tampere");
      assertThat(peer.path("experimentTitle").asText()).isEqualTo(TAMPERE_EXPERIMENT);
      assertThat(peer.path("learnings").asText()).isEqualTo(TAMPERE_LEARNINGS);
      assertThat(peer.path("decision").asText()).isEqualTo("Pivot");
      assertThat(page.path("cohortLearnings").findValuesAsText("cityName")).doesNotContain("Lyon");
    }

    @Test
    void theCoachReadsItAndAnotherCityOrCoachIsRefusedInWords() {
      assertThat(grantAs("coach1", cohort().lyon()).path("reference").asText()).isEqualTo(cohort().lyon());
      assertThat(grantAs("finance1", cohort().lyon()).path("money").path("awarded").asText()).isEqualTo("40000.00");

      CohortHttp.Response tampere = as("tampere").get("/api/grants/" + cohort().lyon(), "application/json");
      assertThat(tampere.status()).isEqualTo(403);
      assertThat(tampere.json().path("message").asText()).contains("Lyon's city team").doesNotContain("city-lyon");
      assertThat(as("coach2").get("/api/grants/" + cohort().lyon(), "application/json").status()).isEqualTo(403);
      assertThat(anonymous().get("/api/grants/" + cohort().lyon(), "application/json").status()).isEqualTo(401);
      CohortHttp.Response unknown = as("lyon").get("/api/grants/NOWHERE-2026", "application/json");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().path("message").asText()).isEqualTo("There is no grant NOWHERE-2026.");
    }

    @Test
    void eachPersonListsTheGrantsTheyFollowAndThePageIsServed() {
      assertThat(as("lyon").get("/api/grants", "application/json").json().findValuesAsText("reference"))
          .containsExactlyInAnyOrder(cohort().lyon(), cohort().lyonInPreparation());
      assertThat(as("coach2").get("/api/grants", "application/json").json().findValuesAsText("reference"))
          .containsExactly(cohort().tampere());
      assertThat(as("manager").get("/api/grants", "application/json").json()).hasSize(3);

      CohortHttp.Response page = as("lyon").get("/grants/" + cohort().lyon(), "text/html");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).containsPattern("/grants/grant-[0-9a-f]{32}\\.js").contains("What next");
      assertThat(as("lyon").get("/grants/grant.js", "*/*").body()).contains("/api/grants");
      // a browser that is not signed in is sent to the sign-in page
      CohortHttp.Response signIn = anonymous().get("/grants/" + cohort().lyon(), "text/html");
      assertThat(signIn.status()).isEqualTo(302);
    }

    @Test
    void theCalendarFollowsThePlanAndMovesWhenThePreparationIsExtended() {
      String grant = cohort().lyonInPreparation();
      JsonNode before = grantAs("lyon", grant);
      assertThat(before.path("terms").path("advanceRateDecided").asBoolean()).as("procurement not approved yet").isFalse();
      JsonNode advance = payment(before, "Advance");
      assertThat(advance.path("status").asText()).isEqualTo("expected");
      assertThat(advance.path("date").asText()).isEqualTo(before.path("terms").path("preparationDeadline").asText());
      assertThat(advance.path("amount").asText()).isEqualTo(before.path("terms").path("advanceAmount").asText());
      assertThat(payment(before, "Final balance").path("atMost").asBoolean()).isTrue();

      // finance sees the payments of the weeks to come across grants
      JsonNode calendar = as("finance1").get("/api/programme/payment-calendar?weeks=52", "application/json").json();
      assertThat(calendar.path("payments").findValuesAsText("reference")).contains(grant);
      assertThat(as("lyon").get("/api/programme/payment-calendar", "application/json").status()).isEqualTo(403);
      assertThat(as("finance1").get("/api/programme/payment-calendar?weeks=0", "application/json").status())
          .isEqualTo(400);

      journey.fireTimer(grant, PREPARATION_REMINDER_DUE);
      journey.fireTimer(grant, PREPARATION_TIME_OVER);
      LocalDate extended = LocalDate.now().plusDays(200);
      journey.complete(grant, DECIDE_PREPARATION_OVERRUN, "officer", overrun("extend", extended.toString()));

      JsonNode after = grantAs("lyon", grant);
      assertThat(after.path("terms").path("preparationDeadline").asText()).isEqualTo(extended.toString());
      assertThat(after.path("terms").path("preparationExtensions").asInt()).isEqualTo(1);
      assertThat(payment(after, "Advance").path("date").asText()).as("the advance moves with the deadline")
          .isEqualTo(extended.toString());
      JsonNode procurement = step(after, "Submit procurement plan");
      assertThat(procurement.path("overdue").asBoolean()).isFalse();
      assertThat(procurement.path("dueBy").asText()).as("due at the new deadline").isEqualTo(extended.toString());
    }

    @Test
    void aFrenchReaderReadsTheGrantPageInFrench() {
      identityService.setUserInfo("lyon", org.citygrants.language.LanguagePreferences.USER_INFO_KEY, "fr");
      JsonNode page = grantAs("lyon", cohort().lyon());

      assertThat(page.path("status").path("label").asText()).isEqualTo("Expérimentation en cours");
      assertThat(page.path("terms").path("budgetLines").findValuesAsText("label")).contains("Expérimentations");
      assertThat(page.path("terms").path("preparationTime").asText()).endsWith("mois");
      assertThat(page.path("payments").findValuesAsText("statusLabel")).isNotEmpty()
          .allMatch(label -> List.of("versé", "en cours d’approbation ou de versement", "prévu").contains(label));
      assertThat(page.path("nextSteps").findValuesAsText("heldBy")).contains("Équipe de la ville de Lyon");
      // the page's own words, from the same bundles
      JsonNode texts = as("lyon").get("/api/texts/grant-page", "application/json").json();
      assertThat(texts.path("language").asText()).isEqualTo("fr");
      assertThat(texts.path("chosen").asText()).isEqualTo("fr");
      assertThat(texts.path("texts").path("whatNext").asText()).isEqualTo("Et maintenant");
      assertThat(texts.path("texts").path("common.language").asText()).isEqualTo("Langue");
      // and a refusal of the API in French
      assertThat(as("lyon").get("/api/grants/NOWHERE-2026", "application/json").json().path("message").asText())
          .isEqualTo("Il n’existe pas de subvention NOWHERE-2026.");
      // an English reader reads English
      assertThat(as("officer").get("/api/texts/grant-page", "application/json").json().path("texts").path("whatNext")
          .asText()).isEqualTo("What next");
    }

    @Test
    void theGrantsFilesAreListedNewestFirstWithTheirStepAndWhoAttachedThem() {
      String lyon = cohort().lyon();
      evidence.attach("lyon", lyon, SUBMIT_PROCUREMENT_PLAN, "devis-paysagiste.pdf", SampleFiles.pdf());
      evidence.attach("lyon", lyon, SUBMIT_PROCUREMENT_PLAN, "three-quotes.pdf", SampleFiles.pdf());

      JsonNode documents = grantAs("lyon", lyon).path("documents");
      assertThat(documents.findValuesAsText("name")).containsSubsequence("three-quotes.pdf", "devis-paysagiste.pdf");
      JsonNode newest = documents.get(0);
      assertThat(newest.path("step").asText()).isEqualTo("Submit procurement plan");
      assertThat(newest.path("by").asText()).isEqualTo("Claire Dubois");
      assertThat(newest.path("size").asText()).endsWith("bytes");
      assertThat(newest.path("href").asText()).startsWith("/api/documents/");
      // the coach reads them on the page too, and the link downloads the file
      assertThat(grantAs("coach1", lyon).path("documents").findValuesAsText("name")).contains("three-quotes.pdf");
      CohortHttp.Response download = as("coach1").get(newest.path("href").asText(), "application/pdf");
      assertThat(download.status()).as("%s", download).isEqualTo(200);
    }

    @Test
    void aPaymentMadeListsTheFilesItRestsOn() {
      String lyon = cohort().lyon();
      EvidenceFile proof = evidence.attach("finance1", lyon, "proof-of-payment", "virement-avance.pdf", SampleFiles.pdf());
      long transfer = ledger.statement(lyon).movements().stream()
          .filter(m -> m.type() == MovementType.PAYMENT_DISBURSED && m.referenceKey().equals(lyon + ":advance"))
          .findFirst().orElseThrow().id();
      movementEvidence.link("finance1", lyon, transfer, proof.id());

      JsonNode page = grantAs("lyon", lyon);
      assertThat(payment(page, "Advance").path("evidence").findValuesAsText("name")).containsExactly("virement-avance.pdf");
      assertThat(payment(page, "Advance").path("evidence").get(0).path("href").asText())
          .isEqualTo("/api/documents/" + proof.id());
      assertThat(payment(page, "Final balance").path("evidence")).isEmpty();
    }

    /** The page's chooser stores the choice over the real engine (a signed-in user may not write identity info themselves). */
    @Test
    void aReaderChoosesTheLanguageOfThePageOverHttp() {
      CohortHttp coach = as("coach2");
      assertThat(coach.putJson("/api/me/language", "{\"language\": \"fr\"}").status()).isEqualTo(200);
      try {
        assertThat(coach.get("/api/texts/cohort", "application/json").json().path("texts").path("cities").asText())
            .isEqualTo("Villes");
        assertThat(coach.get("/api/cohort", "application/json").json().path("viewer").path("roleLabel").asText())
            .isEqualTo("Coach");
      } finally {
        assertThat(coach.putJson("/api/me/language", "{\"language\": null}").status()).isEqualTo(200);
      }
      assertThat(coach.get("/api/texts/cohort", "application/json", "Accept-Language", "en").json().path("texts")
          .path("cities").asText()).isEqualTo("Cities");
    }

    private JsonNode grantAs(String user, String reference) {
      CohortHttp.Response response = as(user).get("/api/grants/" + reference, "application/json");
      if (response.status() != 200) {
        throw new AssertionError("GET /api/grants/" + reference + " as " + user + ": " + response);
      }
      return response.json();
    }

    private static JsonNode step(JsonNode page, String name) {
      for (JsonNode step : page.path("nextSteps")) {
        if (name.equals(step.path("name").asText())) {
          return step;
        }
      }
      throw new AssertionError("no next step " + name + " in " + page.path("nextSteps"));
    }

    private static JsonNode payment(JsonNode page, String label) {
      for (JsonNode payment : page.path("payments")) {
        if (label.equals(payment.path("label").asText())) {
          return payment;
        }
      }
      throw new AssertionError("no payment " + label + " in " + page.path("payments"));
    }

    private static List<String> texts(JsonNode items, String field) {
      List<String> texts = new ArrayList<>();
      items.forEach(item -> texts.add(item.path(field).asText()));
      return texts;
    }
}
}
