package org.citygrants.reliability;

import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Movement;
import org.citygrants.ledger.MovementType;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway;
import org.citygrants.support.ApplicationTest;
import org.citygrants.support.GrantJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port (H2, jobs run by the tests), with the ledger wrapped in a
 * Mockito spy so a test can make a disbursement fail for real; by default the spy calls the real
 * ledger, and it is reset after each test. Every subclass shares this one application context.
 */
@ApplicationTest
abstract class ReliabilityTest {

  static final String CITY = "lyon";
  static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired GrantJourney journey;
  @Autowired ProcessGateway gateway;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  /** A Mockito spy around the real bean in the {@link ApplicationTest} context. */
  @Autowired LedgerService ledger;

  /** Applied, awarded (40,000), coached: the four preparation tasks are open for the city. */
  String grantInPreparation() {
    String grant = journey.apply(CITY, application("learning"));
    journey.complete(grant, SIZE_GRANT, "officer", award(40000));
    journey.acceptAward(grant, CITY);
    journey.complete(grant, ASSIGN_COACH, "manager", of("coach", "coach1"));
    return grant;
  }

  /** The advance requested by finance1: Task_ApprovePayment is open for a second finance officer. */
  String grantWithPaymentToApprove() {
    String grant = grantInPreparation();
    journey.cityPrepares(grant, CITY, "officer");
    journey.requestOpenPayment(grant);
    return grant;
  }

  /** finance2 approves the open payment; the disbursement waits as an async job (not run here). */
  void approveWithoutRunningJobs(String grant) {
    gateway.completeTask("finance2", journey.task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getId(),
        approvePayment(true));
  }

  /** The disbursement job of the grant's payment, waiting before Task_DisbursePayment. */
  Job disbursementJob(String grant) {
    return journey.processInstanceIds(grant).stream()
        .flatMap(id -> managementService.createJobQuery().processInstanceId(id)
            .activityId(PaymentProcess.Elements.DISBURSE_PAYMENT).list().stream())
        .reduce((a, b) -> {
          throw new AssertionError("more than one disbursement job in " + grant);
        })
        .orElse(null);
  }

  long movements(String grant, MovementType type) {
    return ledger.statement(grant).movements().stream().map(Movement::type).filter(type::equals).count();
  }

  // --- real HTTP with basic auth

  record Reply(int status, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Reply post(String user, String path, String json) {
    return send(user, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String user, String path, String json) {
    return send(user, request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
  }

  private Reply send(String user, HttpRequest.Builder request) {
    request.header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
