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
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.MovementType;
import org.citygrants.evidence.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A grant's page ({@code GET /api/grants/{reference}}, the page {@code /grants/{reference}}) over
 * HTTP, on the cohort of {@link CohortViewTest}: every part the city needs (how much, until when,
 * what next, what was received, what was decided), for its city team and coach, 403 for another
 * city or coach, and the indicative calendar moving with the plan.
 */
class GrantPageTest extends CohortViewTest {

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
