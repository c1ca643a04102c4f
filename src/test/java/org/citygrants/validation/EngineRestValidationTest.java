package org.citygrants.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.citygrants.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The forms' rules hold on the real engine REST API (/engine-rest, HTTP Basic as the people who
 * do these steps: the city team starts, the programme officer sizes): bad input to a start or a
 * task completion is answered 400 with a message naming the field, and nothing changes: the task
 * stays open with its variables as they were, no grant starts.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestValidationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine processEngine;

  /** The city team applies; the programme officer sizes and reads. */
  private TestRestTemplate city;
  private TestRestTemplate rest;

  @BeforeEach
  void restApiServesThisContextsEngine() {
    city = anonymous.withBasicAuth("lyon", "demo");
    rest = anonymous.withBasicAuth("officer", "demo");
  }

  // --- task completion: Task_SizeGrant (form size-grant) ---

  static Stream<Arguments> badSizings() {
    return Stream.of(
        Arguments.of("missing required decision", Map.of("awardedAmount", typed(30000L, "Long")), "sizingDecision"),
        Arguments.of("unknown enum value", Map.of("sizingDecision", typed("postpone", "String")), "sizingDecision"),
        Arguments.of("text in a number", award(Map.of("awardedAmount", typed("thirty thousand", "String"))), "awardedAmount"),
        Arguments.of("amount above max", award(Map.of("awardedAmount", typed(60000L, "Long"))), "awardedAmount"),
        Arguments.of("amount below min", award(Map.of("awardedAmount", typed(1000L, "Long"))), "awardedAmount"),
        Arguments.of("oversized text", award(Map.of("sizingReason", typed("r".repeat(1001), "String"))), "sizingReason"),
        Arguments.of("number in a text", award(Map.of("sizingReason", typed(42L, "Long"))), "sizingReason"),
        Arguments.of("a duration not offered", award(Map.of("preparationTime", typed("three months", "String"))), "preparationTime"),
        Arguments.of("oversized decline reason",
            Map.of("sizingDecision", typed("decline", "String"), "declineReason", typed("d".repeat(1001), "String")),
            "declineReason"));
  }

  @Test
  void aRefusalIsOneInfoLineInTheLogNotAnErrorWithAStackTrace(CapturedOutput output) {
    String instance = startGrant();
    String task = (String) sizingTask(instance).get("id");
    int before = output.getOut().length();

    ResponseEntity<Map<String, Object>> response = complete(task, award(Map.of("awardedAmount", typed(1000L, "Long"))));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    String logged = output.getOut().substring(before);
    assertThat(logged).contains("INFO").contains("Refused input from officer on task " + task + ": field 'awardedAmount'");
    assertThat(logged).doesNotContain("ERROR").doesNotContain("ENGINE-16004").doesNotContain("\tat org.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSizings")
  void badInputToATaskIsRefusedNamingTheFieldAndChangesNothing(String why, Map<String, Object> variables, String field) {
    String instance = startGrant();
    Map<String, Object> task = sizingTask(instance);
    Map<String, Object> before = variables(instance);

    ResponseEntity<Map<String, Object>> response = complete((String) task.get("id"), variables);

    assertThat(response.getStatusCode().isError()).as("%s: %s", why, response).isTrue();
    assertNamesTheField(response, field, why);
    assertThat(sizingTask(instance)).as("the task is still open, unclaimed")
        .containsEntry("id", task.get("id")).containsEntry("assignee", null);
    assertThat(variables(instance)).as("variables unchanged").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSizings")
  void badInputToATaskIsAnswered400(String why, Map<String, Object> variables, String field) {
    String instance = startGrant();
    ResponseEntity<Map<String, Object>> response = complete((String) sizingTask(instance).get("id"), variables);
    assertThat(response.getStatusCode().value()).as("%s: %s", why, response.getBody()).isEqualTo(400);
    assertNamesTheField(response, field, why);
  }

  @Test
  void validInputToTheSameTaskCompletesIt() {
    String instance = startGrant();
    String taskId = (String) sizingTask(instance).get("id");

    ResponseEntity<Map<String, Object>> response = complete(taskId, Map.of(
        "sizingDecision", typed("decline", "String"), "declineReason", typed("Outside the programme's scope.", "String")));

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(204);
    assertThat(rest.exchange("/engine-rest/task/" + taskId, HttpMethod.GET, null, JSON).getStatusCode().value())
        .isEqualTo(404);
    assertThat(variables(instance)).extractingByKey("sizingDecision").asString().contains("decline");
  }

  @Test
  void notANumberIsAnswered400() {
    String instance = startGrant();
    ResponseEntity<Map<String, Object>> response = complete((String) sizingTask(instance).get("id"),
        award(Map.of("awardedAmount", typed("NaN", "Double"))));
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertNamesTheField(response, "awardedAmount", "NaN");
  }

  // --- process start: city-grant's start form grant-application ---

  static Stream<Arguments> badApplications() {
    return Stream.of(
        Arguments.of("amount below min", Map.of("requestedAmount", typed(400L, "Long")), "requestedAmount"),
        Arguments.of("missing required challenge", Map.of("challenge", typed(null, "Null")), "challenge"),
        Arguments.of("unknown enum value", Map.of("objectiveType", typed("fame", "String")), "objectiveType"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void badInputToAStartIsRefusedNamingTheFieldAndStartsNothing(String why, Map<String, Object> changes, String field) {
    long before = cityGrantCount();

    ResponseEntity<Map<String, Object>> response = start(with(application(), changes));

    assertThat(response.getStatusCode().isError()).as("%s: %s", why, response).isTrue();
    assertNamesTheField(response, field, why);
    assertThat(cityGrantCount()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void badInputToAStartIsAnswered400(String why, Map<String, Object> changes, String field) {
    ResponseEntity<Map<String, Object>> response = start(with(application(), changes));
    assertThat(response.getStatusCode().value()).as("%s: %s", why, response.getBody()).isEqualTo(400);
    assertNamesTheField(response, field, why);
  }

  // --- helpers ---

  /**
   * The 400 body tells a client which field in its own property, {@code "field"}; the message is for
   * the person and names the field by its label, with no key in parentheses.
   */
  private static void assertNamesTheField(ResponseEntity<Map<String, Object>> response, String field, String why) {
    assertThat(response.getBody()).as(why).containsEntry("field", field);
    assertThat((String) response.getBody().get("message")).as(why).isNotBlank().doesNotContain("(" + field + ")");
  }

  private String startGrant() {
    ResponseEntity<Map<String, Object>> response = start(application());
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    assertThat((String) response.getBody().get("businessKey")).startsWith("LYON-");
    return (String) response.getBody().get("id");
  }

  private ResponseEntity<Map<String, Object>> start(Map<String, Object> variables) {
    return city.exchange("/engine-rest/process-definition/key/city-grant/start", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), JSON);
  }

  private ResponseEntity<Map<String, Object>> complete(String taskId, Map<String, Object> variables) {
    return rest.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), JSON);
  }

  private Map<String, Object> sizingTask(String instance) {
    List<Map<String, Object>> tasks = rest.exchange(
        "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=Task_SizeGrant", HttpMethod.GET,
        null, JSON_LIST).getBody();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private Map<String, Object> variables(String instance) {
    ResponseEntity<Map<String, Object>> response =
        rest.exchange("/engine-rest/process-instance/" + instance + "/variables", HttpMethod.GET, null, JSON);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private long cityGrantCount() {
    Map<String, Object> count = rest.exchange("/engine-rest/history/process-instance/count?processDefinitionKey=city-grant",
        HttpMethod.GET, null, JSON).getBody();
    return ((Number) count.get("count")).longValue();
  }

  private static Map<String, Object> application() {
    Map<String, Object> variables = new LinkedHashMap<>();
    // no cityCode: a city team member applies for their own city (group city-lyon)
    variables.put("challenge", typed("Schoolyards overheat in summer and children cannot play outside.", "String"));
    variables.put("experimentArea", typed("Greening schoolyards with parents", "String"));
    variables.put("objectiveType", typed("learning", "String"));
    variables.put("requestedAmount", typed(40000L, "Long"));
    variables.put("procurementRoute", typed("simplified", "String"));
    variables.put("participationDepth", typed("co-design", "String"));
    variables.put("population", typed(520000L, "Long"));
    variables.put("cashFlowSituation", typed("tight", "String"));
    return variables;
  }

  private static Map<String, Object> award(Map<String, Object> changes) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("sizingDecision", typed("award", "String"));
    variables.put("awardedAmount", typed(30000L, "Long"));
    variables.put("preparationTime", typed("P3M", "String"));
    variables.put("programmeDuration", typed("P12M", "String"));
    variables.putAll(changes);
    return variables;
  }

  private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> changes) {
    Map<String, Object> variables = new LinkedHashMap<>(base);
    variables.putAll(changes);
    return variables;
  }

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new HashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }
}
