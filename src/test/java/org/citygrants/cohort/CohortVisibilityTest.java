package org.citygrants.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /api/cohort} shows to whom: programme staff see every grant's money, a coach
 * the money of the grants they coach, a city its own; every city sees the whole cohort's
 * phases, experiments, decisions and wins. Money a viewer may not see is absent, not zero, and
 * report texts are never in the view.
 */
class CohortVisibilityTest extends CohortViewTest {

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
