package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.citygrants.grant.GrantRegister;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Input that reaches the engine through REST is form input: only the form's fields, as plain
 * values, only by starting or completing; user text is never evaluated as an expression.
 */
class RestInputTest extends SecuredApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired GrantRegister register;

  @Test
  void aCompletionMaySetOnlyTheFieldsOfTheTasksForm() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon tries extra variables.");
    String instance = mainInstance(grant);
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    String task = task(grant, PLAN_EXPERIMENTATION).getId();
    Http lyon = as("lyon");

    for (String field : List.of("cityCode", "coach", "awardedAmountApproved", "grantReference")) {
      Http.Response response = lyon.post("/engine-rest/task/" + task + "/complete",
          submission(with(planningCanvas(), field, "tampere")));
      assertThat(response.status()).as("%s: %s", field, response).isEqualTo(400);
      assertThat(response.json().path("message").asText()).contains(field);
    }
    assertThat(runtimeService.getVariable(instance, "cityCode")).isEqualTo("lyon");
    assertThat(runtimeService.getVariable(instance, "coach")).isEqualTo("coach1");

    // a read-only field of the form is not the person's to change: it is dropped
    Http.Response done = lyon.post("/engine-rest/task/" + task + "/complete",
        submission(with(planningCanvas(), "awardedAmount", 50000)));
    assertThat(done.status()).as("%s", done).isEqualTo(204);
    assertThat(((Number) runtimeService.getVariable(instance, "awardedAmount")).intValue()).isEqualTo(40000);
  }

  @Test
  void formValuesArePlainNeverSerializedObjects() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon sends an object.");
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    String task = task(grant, PLAN_EXPERIMENTATION).getId();
    Map<String, Object> variables = typed(planningCanvas());
    variables.put("hypotheses", Map.of("type", "Object", "value", "[\"a\"]",
        "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
    Http.Response response = as("lyon").post("/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("hypotheses");
  }

  @Test
  void aCityTeamAppliesForItsOwnCityOnly() {
    Http.Response response = as("lyon").post("/engine-rest/process-definition/key/city-grant/start",
        submission(with(application("learning"), "cityCode", "tampere")));
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("cityCode");
    // and through the Java API (the process gateway) too
    assertThatThrownBy(() -> journey.apply("lyon", with(application("learning"), "cityCode", "tampere")))
        .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(InputRejectedException.class));

    Http.Response instructed = as("lyon").post("/engine-rest/process-definition/key/city-grant/start", Map.of(
        "variables", typed(application("learning")),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ReviewFinalReport"))));
    assertThat(instructed.status()).as("%s", instructed).isEqualTo(403);
  }

  @Test
  void variablesCannotBeWrittenAroundTheForms() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon writes variables directly.");
    String instance = mainInstance(grant);
    String task = task(grant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    Map<String, Object> value = Map.of("value", "tampere", "type", "String");

    assertThat(as("lyon").put("/engine-rest/task/" + task + "/variables/cityCode", value).status()).isEqualTo(403);
    assertThat(as("lyon").post("/engine-rest/task/" + task + "/variables",
        Map.of("modifications", Map.of("cityCode", value))).status()).isEqualTo(403);
    assertThat(as("lyon").put("/engine-rest/task/" + task + "/localVariables/x", value).status()).isEqualTo(403);
    assertThat(as("officer").put("/engine-rest/process-instance/" + instance + "/variables/cityCode", value).status())
        .isEqualTo(403);
    assertThat(as("officer").post("/engine-rest/message",
        Map.of("messageName", "EarlyStopRequested", "businessKey", grant)).status()).isEqualTo(403);
    assertThat(as("officer").post("/engine-rest/process-instance/" + instance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_ReviewFinalReport"))))
        .status()).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance, "cityCode")).isEqualTo("lyon");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

    // the engine itself refuses too: candidates may claim and complete, not rewrite (TASK_WORK)
    as("lyon").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "lyon"));
    Http.Response viaWebapp = webappSession("lyon").put(
        "/camunda/api/engine/engine/default/task/" + task + "/variables/cityCode", value);
    assertThat(viaWebapp.status()).as("%s", viaWebapp).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance, "cityCode")).isEqualTo("lyon");
  }

  @Test
  void userTextIsNeverEvaluatedAsAnExpression() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon tries an expression.");
    String expression = "${grantRegister.recordCoach('" + grant + "', 'evil')}";
    Http.Response adhoc = as("lyon").get("/engine-rest/task?assigneeExpression="
        + java.net.URLEncoder.encode(expression, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(adhoc.status()).as("%s", adhoc).isIn(400, 403);

    Map<String, Object> query = new LinkedHashMap<>();
    query.put("assigneeExpression", expression);
    String myTasks = as("lyon").get("/engine-rest/filter?name=" + "My%20tasks").json().get(0).path("id").asText();
    Http.Response extended = as("lyon").post("/engine-rest/filter/" + myTasks + "/list", query);
    assertThat(extended.status()).as("%s", extended).isIn(400, 403);

    // a filter owner may read the filter, not rewrite its query
    String coachFilter = as("coach1").get("/engine-rest/filter?owner=coach1").json().get(0).path("id").asText();
    Http.Response rewrite = as("coach1").put("/engine-rest/filter/" + coachFilter, Map.of("resourceType", "Task",
        "name", "Coach: my cities' tasks", "query", query));
    assertThat(rewrite.status()).as("%s", rewrite).isEqualTo(403);

    // a text field holding an expression is stored as text
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    String task = task(grant, PLAN_EXPERIMENTATION).getId();
    Http.Response done = as("lyon").post("/engine-rest/task/" + task + "/complete",
        submission(with(planningCanvas(), "hypotheses", expression)));
    assertThat(done.status()).as("%s", done).isEqualTo(204);
    assertThat(runtimeService.getVariable(mainInstance(grant), "hypotheses")).isEqualTo(expression);
    assertThat(register.find(grant).orElseThrow().coach()).isEqualTo("coach1");
  }

  private static List<Throwable> causes(Throwable error) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private Http webappSession(String user) {
    Http browser = anonymous();
    String token = WebappSessionTest.signInToTasklist(browser, user);
    return browser.header("X-XSRF-TOKEN", token);
  }
}
