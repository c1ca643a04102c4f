package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Porto never sees Tampere's tasks, variables or history, by any endpoint of the engine REST API
 * nor through the webapps' copy of it: every answer to Porto is either a refusal or free of
 * anything that identifies Tampere's grant (its instance and task ids, its reference, the text
 * of its application).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossCityIsolationTest extends SecuredApplicationTest {

  private static final String TAMPERE_TEXT = "Frozen harbour ferries (Tampere only)";

  private String tampereGrant;
  private String tampereInstance;
  private String tampereTask;
  private String portoGrant;
  private String portoInstance;
  private String portoTask;
  private final List<String> tampereMarkers = new ArrayList<>();

  @Autowired IdentityService identityService;

  /** When this test's grants began: the history details since then include all of Tampere's. */
  private String since;

  @BeforeAll
  void grants() {
    serveThisEngine();
    since = java.net.URLEncoder.encode(java.time.OffsetDateTime.now().minusSeconds(1)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")), java.nio.charset.StandardCharsets.UTF_8);
    // a city of this test's own: its answers hold its one grant, where the demo's Lyon holds the
    // grants of every test that shares the application (listing all of Lyon's history took seconds)
    if (identityService.createGroupQuery().groupId("city-porto").count() == 0) {
      Group porto = identityService.newGroup("city-porto");
      porto.setName("Porto");
      porto.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(porto);
    }
    TestPeople.member(identityService, "porto", "Rita", "Almeida", null, "city-porto");
    tampereGrant = grantInPreparation("tampere", "coach2", TAMPERE_TEXT);
    tampereInstance = mainInstance(tampereGrant);
    tampereTask = task(tampereGrant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    // a second Tampere grant with its advance payment waiting for approval (a called instance)
    String tamperePaying = grantWithPaymentToApprove("tampere", "coach2", TAMPERE_TEXT + ", second grant");
    tampereMarkers.add(tamperePaying);
    journey.processInstanceIds(tamperePaying).forEach(tampereMarkers::add);
    taskService.createTaskQuery().processInstanceBusinessKey(tamperePaying).list().forEach(t -> tampereMarkers.add(t.getId()));
    portoGrant = grantInPreparation("porto", "coach1", "Schoolyards overheat in Porto.");
    portoInstance = mainInstance(portoGrant);
    portoTask = task(portoGrant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    tampereMarkers.add(tampereGrant);
    tampereMarkers.add(tampereInstance);
    tampereMarkers.add(TAMPERE_TEXT);
    tampereMarkers.add("city-tampere");
    journey.processInstanceIds(tampereGrant).forEach(tampereMarkers::add);
    taskService.createTaskQuery().processInstanceBusinessKey(tampereGrant).list().forEach(t -> tampereMarkers.add(t.getId()));
  }

  @Test
  void noEngineRestEndpointShowsTampereToPorto() {
    Http porto = as("porto");
    List<String> reads = new ArrayList<>(List.of(
        "/task?maxResults=1000", "/task/count", "/task?processInstanceBusinessKey=" + tampereGrant,
        "/task/" + tampereTask, "/task/" + tampereTask + "/variables", "/task/" + tampereTask + "/form-variables",
        "/task/" + tampereTask + "/identity-links", "/task/" + tampereTask + "/comment",
        "/process-instance?maxResults=1000", "/process-instance?businessKey=" + tampereGrant,
        "/process-instance/" + tampereInstance, "/process-instance/" + tampereInstance + "/variables",
        "/process-instance/" + tampereInstance + "/activity-instances",
        "/execution?processInstanceId=" + tampereInstance, "/variable-instance?maxResults=1000",
        "/variable-instance?processInstanceIdIn=" + tampereInstance, "/job", "/incident", "/event-subscription",
        "/history/process-instance?maxResults=1000", "/history/process-instance/" + tampereInstance,
        "/history/process-instance?processInstanceBusinessKey=" + tampereGrant,
        "/history/task?maxResults=1000", "/history/task?processInstanceId=" + tampereInstance,
        // every variable of this name, Tampere's application included; the list of every variable (all
        // the grants of every test sharing this application) took seconds on H2 and asks the same check
        "/history/variable-instance?variableName=challenge&maxResults=1000",
        "/history/variable-instance?processInstanceId=" + tampereInstance,
        "/history/activity-instance?maxResults=1000", "/history/detail?maxResults=1000&occurredAfter=" + since,
        "/history/detail?processInstanceId=" + tampereInstance, "/history/identity-link-log?maxResults=1000",
        "/history/user-operation?maxResults=1000", "/history/incident", "/history/job-log?maxResults=1000",
        "/history/task/report?reportType=count&groupBy=taskName", "/history/process-instance/report?reportType=duration",
        "/process-definition/key/city-grant/statistics", "/filter"));
    JsonNode filters = porto.get("/engine-rest/filter").json();
    filters.forEach(filter -> reads.add("/filter/" + filter.path("id").asText() + "/list?maxResults=1000"));

    for (String path : reads) {
      Http.Response response = porto.get("/engine-rest" + path);
      assertThat(response.status()).as("GET %s: %s", path, response).isIn(200, 400, 403, 404);
      if (response.status() == 200) {
        for (String marker : tampereMarkers) {
          assertThat(response.body()).as("GET %s shows Tampere (%s)", path, marker).doesNotContain(marker);
        }
      }
    }
    // queries sent as POST bodies too
    for (String path : List.of("/task", "/process-instance", "/variable-instance", "/history/task",
        "/history/variable-instance", "/history/process-instance")) {
      Http.Response response = porto.post("/engine-rest" + path, Map.of());
      assertThat(response.status()).as("POST %s: %s", path, response).isIn(200, 400, 403, 404, 405);
      if (response.status() == 200) {
        tampereMarkers.forEach(marker -> assertThat(response.body()).as("POST %s", path).doesNotContain(marker));
      }
    }
  }

  @Test
  void portoSeesItsOwnGrantThroughTheSameEndpoints() {
    Http porto = as("porto");
    assertThat(porto.get("/engine-rest/task?maxResults=1000").body()).contains(portoTask);
    assertThat(porto.get("/engine-rest/process-instance/" + portoInstance + "/variables").status()).isEqualTo(200);
    assertThat(porto.get("/engine-rest/history/variable-instance?processInstanceId=" + portoInstance).body())
        .contains("Schoolyards overheat in Porto.");
    // the narrowed lists of the test above hold this city's own rows
    assertThat(porto.get("/engine-rest/history/variable-instance?variableName=challenge&maxResults=1000").body())
        .contains("Schoolyards overheat in Porto.");
    assertThat(porto.get("/engine-rest/history/detail?maxResults=1000&occurredAfter=" + since).body())
        .contains(portoInstance);
    assertThat(porto.get("/engine-rest/history/task?processInstanceId=" + portoInstance).body()).contains(portoTask);
    assertThat(porto.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + portoGrant).body())
        .contains(portoInstance);
  }

  @Test
  void portoCannotChangeTampere() {
    Http porto = as("porto");
    assertThat(porto.post("/engine-rest/task/" + tampereTask + "/claim", Map.of("userId", "porto")).status()).isEqualTo(403);
    assertThat(porto.post("/engine-rest/task/" + tampereTask + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(porto.post("/engine-rest/task/" + tampereTask + "/comment/create", Map.of("message", "hello")).status())
        .isIn(400, 403, 404);
    assertThat(taskService.getTaskComments(tampereTask)).isEmpty();
    assertThat(porto.delete("/engine-rest/process-instance/" + tampereInstance).status()).isEqualTo(403);
    assertThat(porto.put("/engine-rest/process-instance/" + tampereInstance + "/suspended", Map.of("suspended", true))
        .status()).isEqualTo(403);
  }

  @Test
  void theWebappsApiShowsPortoNothingOfTampereEither() {
    Http browser = anonymous();
    WebappSessionTest.signInToTasklist(browser, "porto");
    for (String path : List.of("/task?maxResults=1000", "/history/task?processInstanceId=" + tampereInstance,
        "/process-instance/" + tampereInstance + "/variables", "/task/" + tampereTask,
        "/history/variable-instance?processInstanceId=" + tampereInstance)) {
      Http.Response response = browser.get("/camunda/api/engine/engine/default" + path);
      assertThat(response.status()).as("GET %s: %s", path, response).isIn(200, 403, 404);
      if (response.status() == 200) {
        tampereMarkers.forEach(marker -> assertThat(response.body()).as("GET %s", path).doesNotContain(marker));
      }
    }
    assertThat(browser.get("/camunda/api/engine/engine/default/task?maxResults=1000").body()).contains(portoTask);
  }
}
