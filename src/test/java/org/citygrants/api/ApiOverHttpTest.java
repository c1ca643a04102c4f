package org.citygrants.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.ApplicationTest;
import org.citygrants.support.GrantJourney;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API over real HTTP with the application's security: HTTP Basic against the Camunda
 * identity service (demo users, password {@code demo}), the user made the engine's
 * authenticated user for the request.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.extension.ExtendWith(org.citygrants.support.ReadersOfEnglish.class)
class ApiOverHttpTest {

  static final String PASSWORD = "demo";
  static final String REASON = "The council withdrew its support for the schoolyards.";

  @Autowired TestRestTemplate http;
  @Autowired GrantJourney journey;
  @Autowired LedgerService ledger;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  private String lyonGrant;
  private String tampereGrant;

  @BeforeAll
  void grants() {
    lyonGrant = journey.apply("lyon", application("learning"));
    journey.complete(lyonGrant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(lyonGrant, "lyon");
    journey.complete(lyonGrant, ASSIGN_COACH, "manager", of("coach", "coach1"));
    journey.complete(lyonGrant, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    journey.complete(lyonGrant, PLAN_EXPERIMENTATION, "lyon", planningCanvas());
    journey.complete(lyonGrant, OBTAIN_INTERNAL_AUTHORISATIONS, "lyon", internalAuthorisations());
    journey.complete(lyonGrant, SUBMIT_PROCUREMENT_PLAN, "lyon", procurementPlan());
    journey.complete(lyonGrant, REVIEW_PROCUREMENT_PLAN, "officer", procurementReview(true));
    Object proposed = taskService.getVariable(journey.task(lyonGrant, PaymentProcess.Elements.REQUEST_PAYMENT).getId(),
        PaymentProcess.PROPOSED_PAYMENT_AMOUNT.name());
    journey.complete(lyonGrant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance1",
        requestPayment(((Number) proposed).doubleValue()));
    journey.complete(lyonGrant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance2", approvePayment(true));

    tampereGrant = journey.apply("tampere", application("learning"));
    journey.complete(tampereGrant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(tampereGrant, "tampere");
    journey.complete(tampereGrant, ASSIGN_COACH, "manager", of("coach", "coach2"));
  }

  @Test
  void aPersonChoosesTheirLanguageOverHttp() {
    // over HTTP the person is the engine's authenticated user: storing the choice must still work
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      ResponseEntity<String> french = as("tampere").exchange("/api/me/language", HttpMethod.PUT,
          new HttpEntity<>("{\"language\":\"fr\"}", headers), String.class);
      assertThat(french.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(french.getBody()).contains("\"chosen\":\"fr\"");
      assertThat(identityService.getUserInfo("tampere", "language")).isEqualTo("fr");
    } finally {
      ResponseEntity<String> english = as("tampere").exchange("/api/me/language", HttpMethod.PUT,
          new HttpEntity<>("{\"language\":\"en\"}", headers), String.class);
      assertThat(english.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(identityService.getUserInfo("tampere", "language")).isEqualTo("en");
  }

  @Test
  void theStatementOverHttpWithBasicAuth() throws Exception {
    ResponseEntity<String> response = as("officer").getForEntity("/api/grants/{r}/statement", String.class, lyonGrant);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
    JsonNode statement = json.readTree(response.getBody());
    assertThat(statement.path("grantReference").asText()).isEqualTo(lyonGrant);
    assertThat(statement.path("awarded").asText()).isEqualTo("40000.00");
    assertThat(statement.path("paid").asText())
        .isEqualTo(ledger.statement(lyonGrant).paid().setScale(2).toPlainString()).isEqualTo("12000.00");
    assertThat(statement.path("balanced").asBoolean()).isTrue();
  }

  @Test
  void whoMayReadWhatOverHttp() {
    assertThat(status("lyon", "/api/grants/" + tampereGrant + "/statement")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("lyon", "/api/grants/" + lyonGrant + "/statement")).isEqualTo(HttpStatus.OK);
    assertThat(status("tampere", "/api/grants/" + tampereGrant + "/statement")).isEqualTo(HttpStatus.OK);
    assertThat(status("coach2", "/api/grants/" + tampereGrant + "/statement")).isEqualTo(HttpStatus.OK);
    assertThat(status("coach1", "/api/grants/" + tampereGrant + "/statement")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("finance1", "/api/grants/" + tampereGrant + "/statement")).isEqualTo(HttpStatus.OK);
    assertThat(status("lyon", "/api/programme/budget-vs-actual")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("coach1", "/api/programme/budget-vs-actual.csv")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("manager", "/api/programme/budget-vs-actual")).isEqualTo(HttpStatus.OK);
    assertThat(status("officer", "/api/grants/NOWHERE-1999/statement")).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void withoutOrWithWrongCredentialsIt401s() {
    HttpHeaders accept = new HttpHeaders();
    accept.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<String> anonymous = http.exchange("/api/grants/{r}/statement", HttpMethod.GET,
        new HttpEntity<>(accept), String.class, lyonGrant);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody()).doesNotContain("40000");

    // after a wrong password the engine delays that user's next sign-in: unlocked again for the
    // tests that sign in as finance2 next in this JVM
    ResponseEntity<String> wrongPassword = http.withBasicAuth("finance2", "not-the-password")
        .exchange("/api/grants/{r}/statement", HttpMethod.GET, new HttpEntity<>(accept), String.class, lyonGrant);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser("finance2");
  }

  @Test
  void theCsvDownloadOverHttp() {
    ResponseEntity<byte[]> response = as("finance1").getForEntity("/api/programme/budget-vs-actual.csv", byte[].class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).matches("budget-vs-actual-.*\\.csv");
    String csv = new String(response.getBody(), StandardCharsets.UTF_8);
    List<List<String>> records = BudgetVsActualApiTest.parse(csv);
    assertThat(String.join(",", records.get(0))).isEqualTo(BudgetVsActualApiTest.HEADER);
    assertThat(records).hasSize(ledger.budgetVsActual().size() + 1);
    assertThat(csv).contains(lyonGrant + ",lyon,Lyon,coach1,OPEN,EUR,40000.00,");
  }

  @Test
  void anEarlyStopOverHttp() throws Exception {
    String grant = journey.apply("lyon", application("learning"));
    journey.complete(grant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(grant, "lyon");

    ResponseEntity<String> byLyon = stop("lyon", grant, Map.of("reason", REASON));
    assertThat(byLyon.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> withoutReason = stop("officer", grant, Map.of());
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(withoutReason.getBody()).path("field").asText()).isEqualTo("reason");

    ResponseEntity<String> byOfficer = stop("officer", grant, Map.of("reason", REASON));
    assertThat(byOfficer.getStatusCode()).as(byOfficer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    journey.runAsyncJobs();
    assertThat(journey.endedAt(grant, GRANT_STOPPED_EARLY)).as("nothing paid: settled and closed at once").isTrue();
    assertThat(ledger.statement(grant).balanced()).isTrue();
  }

  @Test
  void theOpenApiDocumentListsTheApi() throws Exception {
    ResponseEntity<String> response = as("officer").getForEntity("/v3/api-docs", String.class);

    assertThat(response.getStatusCode()).as(response.getHeaders() + " " + response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode paths = json.readTree(response.getBody()).path("paths");
    assertThat(paths.has("/api/grants/{reference}/statement")).isTrue();
    assertThat(paths.has("/api/programme/budget-vs-actual.csv")).isTrue();
    assertThat(paths.has("/api/grants/{reference}/early-stop")).isTrue();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, PASSWORD);
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(as(user).getForEntity(path, String.class).getStatusCode().value());
  }

  private ResponseEntity<String> stop(String user, String grant, Map<String, String> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return as(user).exchange("/api/grants/{r}/early-stop", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class, grant);
  }
}
