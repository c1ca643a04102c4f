package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The small holes: input at the edge of what a field holds answers 400 naming the field, never
 * 500, and changes nothing; money is never rounded silently.
 */
class InputLimitsTest extends SecuredApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired GrantRegister register;
  @Autowired LedgerService ledger;

  @Test
  void anAmountWithMoreDecimalsThanMoneyHasIsRefusedNotRounded() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's advance, to the cent.");
    journey.cityPrepares(grant, "lyon", "officer");
    GrantSnapshot before = snapshot(grant);
    String request = task(grant, PaymentProcess.Elements.REQUEST_PAYMENT).getId();
    as("finance1").post("/engine-rest/task/" + request + "/claim", Map.of("userId", "finance1"));

    Http.Response refused = as("finance1").post("/engine-rest/task/" + request + "/complete",
        submission(requestPayment(12000.001)));

    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("paymentAmount");
    assertThat(refused.json().path("message").asText()).contains("2 decimals");
    assertThat(snapshot(grant).statement()).isEqualTo(before.statement());
    assertThat(ledger.statement(grant).payments()).isEmpty();
  }

  @Test
  void aDateIsCheckedWholeAndShort() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's authorisation date.");
    String task = task(grant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    GrantSnapshot before = snapshot(grant);
    for (String date : List.of("2026-11-20T00:00:00", "2026-11-20 and then some text", "2026-13-01", "20-11-2026",
        "2026-11-20" + "x".repeat(300))) {
      Http.Response refused = as("lyon").post("/engine-rest/task/" + task + "/complete",
          submission(with(internalAuthorisations(), "authorisationDate", date)));
      assertThat(refused.status()).as("%s: %s", date, refused).isEqualTo(400);
      assertThat(refused.json().path("field").asText()).isEqualTo("authorisationDate");
      assertThat(refused.body().length()).as("the refusal does not echo the whole value").isLessThan(400);
    }
    assertThat(snapshot(grant)).isEqualTo(before);
  }

  @Test
  void anOverLongEarlyStopReasonIsRefusedNamingTheField() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's grant, a long reason.");
    GrantSnapshot before = snapshot(grant);
    Http.Response refused = as("officer").post("/api/grants/" + grant + "/early-stop", Map.of("reason", "x".repeat(5000)));
    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("reason");
    assertThat(snapshot(grant)).isEqualTo(before);
  }

  @Test
  void aDeeplyNestedValueIsRefusedNamingTheField() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's grant, nested values.");
    String task = task(grant, SUBMIT_PROCUREMENT_PLAN).getId();
    GrantSnapshot before = snapshot(grant);
    String nested = "[".repeat(3000) + "]".repeat(3000);

    Http.Response inTheBody = as("lyon").post("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"procurementPlan\":{\"value\":" + nested + ",\"type\":\"String\"}}}");
    Http.Response asJson = as("lyon").post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("procurementPlan", Map.of("value", nested, "type", "Json"))));
    Http.Response onTheApi = as("officer").post("/api/grants/" + grant + "/early-stop", "{\"reason\":" + nested + "}");

    for (Http.Response refused : List.of(inTheBody, asJson, onTheApi)) {
      assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    }
    assertThat(inTheBody.json().path("field").asText()).isEqualTo("procurementPlan");
    assertThat(asJson.json().path("field").asText()).isEqualTo("procurementPlan");
    assertThat(onTheApi.json().path("field").asText()).isEqualTo("reason");
    assertThat(snapshot(grant)).isEqualTo(before);
  }

  @Test
  void aNumberBeyondWhatTheFieldHoldsIsRefusedNamingTheField() {
    int grants = register.all().size();
    for (String number : List.of("99999999999999999999", "1e400", "12.5")) {
      Map<String, Object> variables = new LinkedHashMap<>(typed(application("learning")));
      String body = Http.json(Map.of("variables", variables)).replaceFirst(
          "\"population\":\\{\"value\":[0-9]+,\"type\":\"Long\"}",
          "\"population\":{\"value\":" + number + ",\"type\":\"Long\"}");
      assertThat(body).contains(number);
      Http.Response refused = as("lyon").post("/engine-rest/process-definition/key/city-grant/start", body);
      assertThat(refused.status()).as("%s: %s", number, refused).isEqualTo(400);
      assertThat(refused.json().path("field").asText()).isEqualTo("population");
    }
    Http.Response tooLarge = as("lyon").post("/engine-rest/process-definition/key/city-grant/start",
        submission(with(application("learning"), "population", 1.0e18)));
    assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(400);
    assertThat(tooLarge.json().path("field").asText()).isEqualTo("population");
    assertThat(register.all()).hasSize(grants);
  }

  private GrantSnapshot snapshot(String grant) {
    return GrantSnapshot.of(grant, mainInstance(grant), runtimeService, taskService, register, ledger);
  }
}
