package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every write route of the engine REST API, on /engine-rest and on the webapps' copy (with the
 * webapps' session and CSRF token), as a city, a coach, a finance officer and an officer, under
 * every spelling a client can send: each ends in a refusal or a 404, never a success or a server
 * error, and afterwards the grant (variables, tasks, instances, register row, ledger statement)
 * is exactly as before.
 */
class WritePathSpellingsTest extends SecuredApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired GrantRegister register;
  @Autowired LedgerService ledger;

  record Route(String method, String path, Object body) {}

  @Test
  void noSpellingOfAWriteRouteGetsAroundTheForms() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's grant under every spelling.");
    String instance = mainInstance(grant);
    String cityTask = task(grant, COMPLETE_METHOD_ONBOARDING).getId();
    String paid = grantWithPaymentToApprove("lyon", "coach1", "Lyon's payment under every spelling.");
    String approval = task(paid, PaymentProcess.Elements.APPROVE_PAYMENT).getId();
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("city-grant")
        .latestVersion().singleResult().getId();
    String job = managementService.createJobQuery().list().stream().findFirst().map(j -> j.getId()).orElse("no-job");
    GrantSnapshot before = snapshot(grant, instance);
    GrantSnapshot paymentBefore = snapshot(paid, mainInstance(paid));

    Map<String, Object> extra = Map.of("variables", typed(Map.of("grantReference", "TAMPERE-2026", "coach", "lyon")));
    Map<String, Object> value = Map.of("value", "lyon", "type", "String");
    List<Route> routes = new ArrayList<>();
    for (String task : new String[] {cityTask, approval}) {
      routes.add(new Route("POST", "/task/" + task + "/complete", extra));
      routes.add(new Route("POST", "/task/" + task + "/submit-form", extra));
      routes.add(new Route("POST", "/task/" + task + "/resolve", extra));
      routes.add(new Route("POST", "/task/" + task + "/bpmnError", Map.of("errorCode", "GRANT_STOPPED")));
      routes.add(new Route("POST", "/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "X")));
      routes.add(new Route("PUT", "/task/" + task + "/variables/coach", value));
      routes.add(new Route("POST", "/task/" + task + "/variables", Map.of("modifications", Map.of("coach", value))));
      routes.add(new Route("PUT", "/task/" + task + "/localVariables/coach", value));
      routes.add(new Route("DELETE", "/task/" + task + "/variables/cityCode", null));
      routes.add(new Route("PUT", "/task/" + task, Map.of("name", "renamed", "assignee", "lyon")));
      routes.add(new Route("POST", "/task/" + task + "/delegate", Map.of("userId", "lyon")));
      routes.add(new Route("POST", "/task/" + task + "/identity-links", Map.of("userId", "lyon", "type", "candidate")));
      routes.add(new Route("POST", "/task/" + task + "/attachment/create", Map.of()));
    }
    routes.add(new Route("PUT", "/process-instance/" + instance + "/variables/coach", value));
    routes.add(new Route("POST", "/process-instance/" + instance + "/variables", Map.of("modifications", Map.of("coach", value))));
    routes.add(new Route("DELETE", "/process-instance/" + instance + "/variables/coach", null));
    routes.add(new Route("POST", "/process-instance/" + instance + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", SIZE_GRANT)))));
    routes.add(new Route("PUT", "/process-instance/" + instance + "/suspended", Map.of("suspended", true)));
    routes.add(new Route("DELETE", "/process-instance/" + instance, null));
    routes.add(new Route("POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(instance))));
    routes.add(new Route("PUT", "/execution/" + instance + "/localVariables/coach", value));
    routes.add(new Route("POST", "/execution/" + instance + "/signal", Map.of()));
    routes.add(new Route("POST", "/process-definition/key/city-grant/start", Map.of("variables",
        typed(application("learning")), "startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", ASSIGN_COACH)))));
    routes.add(new Route("POST", "/process-definition/" + definition + "/restart", Map.of("processInstanceIds",
        List.of(instance), "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", SIZE_GRANT)))));
    routes.add(new Route("POST", "/message", Map.of("messageName", "EarlyStopRequested", "businessKey", grant)));
    routes.add(new Route("POST", "/signal", Map.of("name", "anything")));
    routes.add(new Route("POST", "/condition", Map.of("variables", typed(Map.of("x", "y")))));
    routes.add(new Route("PUT", "/job/" + job + "/retries", Map.of("retries", 5)));
    routes.add(new Route("POST", "/job/" + job + "/execute", Map.of()));
    routes.add(new Route("PUT", "/job-definition/suspended", Map.of("suspended", true, "processDefinitionKey", "city-grant")));
    routes.add(new Route("POST", "/deployment/create", Map.of()));
    routes.add(new Route("POST", "/decision-definition/key/grant-sizing/evaluate", Map.of("variables", Map.of())));
    routes.add(new Route("POST", "/filter/create", Map.of("resourceType", "Task", "name", "mine", "query", Map.of())));

    Map<String, Http> webapp = new LinkedHashMap<>();
    List<String> outcomes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String user : List.of("lyon", "coach1", "finance2", "officer")) {
      Http basic = as(user);
      String token;
      Http browser = anonymous();
      token = WebappSessionTest.signInToTasklist(browser, user);
      webapp.put(user, browser.header("X-XSRF-TOKEN", token));
      boolean everySpelling = user.equals("lyon");
      for (Route route : routes) {
        for (String spelling : spellings(route.path(), everySpelling)) {
          check(problems, outcomes, user, basic, "/engine-rest" + spelling, route);
          check(problems, outcomes, user, webapp.get(user), "/camunda/api/engine/engine/default" + spelling, route);
        }
      }
    }
    assertThat(problems).as("requests that were not refused (of %s sent)", outcomes.size()).isEmpty();
    // the refusals come from every layer: the early guard and the engine (403), the engine's
    // input rules (400), Jersey for spellings it does not know (404), the firewall (400)
    assertThat(outcomes).contains("400", "403", "404");
    System.out.println("WritePathSpellingsTest: " + outcomes.size() + " requests, answers " + outcomes.stream()
        .collect(java.util.stream.Collectors.groupingBy(o -> o, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    assertThat(snapshot(grant, instance)).isEqualTo(before);
    assertThat(snapshot(paid, mainInstance(paid))).isEqualTo(paymentBefore);
  }

  private void check(List<String> problems, List<String> outcomes, String user, Http http, String path, Route route) {
    Http.Response response = switch (route.method()) {
      case "POST" -> http.post(path, route.body() == null ? Map.of() : route.body());
      case "PUT" -> http.put(path, route.body() == null ? Map.of() : route.body());
      default -> http.delete(path);
    };
    outcomes.add(response.status() + "");
    if (response.status() < 400 || response.status() >= 500) {
      problems.add(user + " " + route.method() + " " + path + " -> " + response);
    }
  }

  /** The spellings of one path a client can send; the canonical one first. */
  static List<String> spellings(String path, boolean all) {
    List<String> spellings = new ArrayList<>(List.of(path, path + "/"));
    if (all) {
      int lastSegment = path.lastIndexOf('/') + 1;
      char last = path.charAt(path.length() - 1);
      spellings.add(path + "?x=1");
      spellings.add(path + "/?x=1");
      spellings.add(path.substring(0, path.length() - 1) + String.format("%%%02X", (int) last));
      spellings.add(path.substring(0, lastSegment) + "%" + String.format("%02X", (int) path.charAt(lastSegment))
          + path.substring(lastSegment + 1));
      spellings.add("/" + path);
      spellings.add(path.replaceFirst("/", "//").replace(path.substring(lastSegment), "/" + path.substring(lastSegment)));
      spellings.add(path.toUpperCase());
      spellings.add(path.substring(0, lastSegment) + path.substring(lastSegment).toUpperCase());
      spellings.add(path + ";x=1");
      spellings.add(path.replace("/", "/./"));
    }
    return spellings;
  }

  private GrantSnapshot snapshot(String grant, String instance) {
    return GrantSnapshot.of(grant, instance, runtimeService, taskService, register, ledger);
  }
}
