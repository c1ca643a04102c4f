package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attacks a signed-in city user (and an officer) made on the engine REST API before the
 * input rules moved into the engine, each over real HTTP: each is refused and leaves the grants
 * exactly as they were. Where a variable named like a piece of identity or money could still be
 * written (by an administrator, or a future hole), the grant's register row decides, not it.
 */
class GrantAttacksTest extends SecuredApplicationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired GrantRegister register;
  @Autowired LedgerService ledger;

  @Test
  void aCompletionCannotBookTheMoneyOnAnotherCitysGrant() {
    String tampere = grantInPreparation("tampere", "coach2", "Tampere's grant, the target.");
    String lyon = grantInPreparation("lyon", "coach1", "Lyon points its money at Tampere.");
    GrantSnapshot tampereBefore = snapshot(tampere);
    GrantSnapshot lyonBefore = snapshot(lyon);
    String task = task(lyon, COMPLETE_METHOD_ONBOARDING).getId();

    Http.Response refused = as("lyon").post("/engine-rest/task/" + task + "/complete",
        submission(with(methodOnboarding(), "grantReference", tampere)));

    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo("grantReference");
    assertThat(snapshot(lyon)).isEqualTo(lyonBefore);
    assertThat(snapshot(tampere)).isEqualTo(tampereBefore);
  }

  @Test
  void aWrittenGrantReferenceMovesNoMoney() {
    String tampere = grantInPreparation("tampere", "coach2", "Tampere's ledger must not move.");
    String lyon = grantInPreparation("lyon", "coach1", "Lyon's variable says Tampere.");
    // as if somebody had managed to write it: the advance is still Lyon's
    runtimeService.setVariable(mainInstance(lyon), "grantReference", tampere);
    runtimeService.setVariable(mainInstance(lyon), "cityCode", "tampere");
    var tampereStatement = ledger.statement(tampere);

    journey.cityPrepares(lyon, "lyon", "officer");
    journey.payOpenPayment(lyon);
    journey.runAsyncJobs();

    assertThat(ledger.statement(lyon).payments()).extracting(Payment::milestone).containsExactly("advance");
    assertThat(ledger.statement(lyon).paid()).isGreaterThan(BigDecimal.ZERO);
    assertThat(ledger.statement(tampere)).isEqualTo(tampereStatement);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(lyon).taskCandidateGroup("city-tampere").count())
        .as("Lyon's tasks stay with Lyon's team").isZero();
  }

  @Test
  void aCityCannotStopAGrantWithABpmnError() {
    String tampere = grantInPreparation("tampere", "coach2", "Tampere must keep running.");
    String lyon = grantInPreparation("lyon", "coach1", "Lyon throws GRANT_STOPPED.");
    GrantSnapshot tampereBefore = snapshot(tampere);
    GrantSnapshot lyonBefore = snapshot(lyon);
    String task = task(lyon, COMPLETE_METHOD_ONBOARDING).getId();

    Http.Response own = as("lyon").post("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "GRANT_STOPPED"));
    Http.Response other = as("lyon").post("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "GRANT_STOPPED", "variables", typed(Map.of("grantReference", tampere))));
    Http.Response escalation = as("lyon").post("/engine-rest/task/" + task + "/bpmnEscalation",
        Map.of("escalationCode", "GRANT_STOPPED"));

    assertThat(List.of(own.status(), other.status(), escalation.status())).containsOnly(403);
    assertThat(snapshot(lyon)).isEqualTo(lyonBefore);
    assertThat(snapshot(tampere)).isEqualTo(tampereBefore);
  }

  @Test
  void aCityCannotMakeItselfItsCoach() {
    String lyon = grantInPreparation("lyon", "coach1", "Lyon wants to confirm its own readiness.");
    GrantSnapshot before = snapshot(lyon);
    String task = task(lyon, COMPLETE_METHOD_ONBOARDING).getId();
    Map<String, Object> coach = Map.of("value", "lyon", "type", "String");

    Http.Response viaForm = as("lyon").post("/engine-rest/task/" + task + "/complete",
        submission(with(methodOnboarding(), "coach", "lyon")));
    Http.Response viaVariables = as("lyon").put("/engine-rest/process-instance/" + mainInstance(lyon)
        + "/variables/coach", coach);
    Http.Response viaTask = as("lyon").put("/engine-rest/task/" + task + "/variables/coach", coach);

    assertThat(viaForm.status()).as("%s", viaForm).isEqualTo(400);
    assertThat(viaForm.json().path("field").asText()).isEqualTo("coach");
    assertThat(viaVariables.status()).as("%s", viaVariables).isEqualTo(403);
    assertThat(viaTask.status()).as("%s", viaTask).isEqualTo(403);
    assertThat(snapshot(lyon)).isEqualTo(before);

    // as if the variable had been written anyway: the coach's tasks still go to the coach on record
    runtimeService.setVariable(mainInstance(lyon), "coach", "lyon");
    journey.cityPrepares(lyon, "lyon", "officer");
    journey.payOpenPayment(lyon);
    journey.runAsyncJobs();
    assertThat(task(lyon, CONFIRM_READINESS).getAssignee()).isEqualTo("coach1");
  }

  @Test
  void aCityAppliesOnlyInItsOwnName() {
    int grants = register.all().size();
    for (String field : List.of("applicant", "cityCode", "cityName", "grantReference", "programmeInstanceId")) {
      Http.Response response = as("lyon").post("/engine-rest/process-definition/key/city-grant/start",
          submission(with(application("learning"), field, field.equals("applicant") ? "tampere" : "tampere")));
      assertThat(response.status()).as("%s: %s", field, response).isEqualTo(400);
      assertThat(response.json().path("field").asText()).isEqualTo(field);
    }
    Http.Response viaForm = as("lyon").post("/engine-rest/process-definition/key/city-grant/submit-form",
        submission(with(application("learning"), "applicant", "tampere")));
    assertThat(viaForm.status()).as("%s", viaForm).isEqualTo(400);
    assertThat(register.all()).hasSize(grants);

    // an administrator passes the input rules but is no city team: the register refuses
    Http.Response admin = as("admin").post("/engine-rest/process-definition/key/city-grant/start",
        submission(with(application("learning"), "applicant", "tampere", "cityCode", "tampere")));
    assertThat(admin.status()).as("%s", admin).isEqualTo(400);
    assertThat(register.all()).hasSize(grants);

    // the signed-in city user is the applicant, whatever the form carried
    Http.Response applied = as("lyon").post("/engine-rest/process-definition/key/city-grant/start",
        submission(application("learning")));
    assertThat(applied.status()).as("%s", applied).isEqualTo(200);
    String instance = applied.json().path("id").asText();
    assertThat(runtimeService.getVariable(instance, "applicant")).isEqualTo("lyon");
    assertThat(register.findByProcessInstance(instance).orElseThrow().cityCode()).isEqualTo("lyon");
  }

  @Test
  void nobodyButAnAdministratorStartsAGrantInTheMiddle() {
    int grants = register.all().size();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("city-grant").count();
    Http.Response instructed = as("lyon").post("/engine-rest/process-definition/key/city-grant/start", Map.of(
        "variables", typed(application("learning")),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", ASSIGN_COACH))));
    Http.Response skipping = as("lyon").post("/engine-rest/process-definition/key/city-grant/start", Map.of(
        "variables", typed(application("learning")), "skipCustomListeners", true,
        "startInstructions", List.of(Map.of("type", "startAfterActivity", "activityId", "Task_RegisterGrant"))));

    assertThat(List.of(instructed.status(), skipping.status())).containsOnly(403);
    assertThat(register.all()).hasSize(grants);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("city-grant").count()).isEqualTo(instances);
  }

  @Test
  void anOfficerCannotModifyARunningGrant() {
    String lyon = grantInPreparation("lyon", "coach1", "Lyon's grant, sized once.");
    GrantSnapshot before = snapshot(lyon);

    Http.Response modification = as("officer").post("/engine-rest/process-instance/" + mainInstance(lyon)
        + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", SIZE_GRANT))));
    Http.Response async = as("officer").post("/engine-rest/process-instance/" + mainInstance(lyon)
        + "/modification-async", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", SIZE_GRANT))));
    Http.Response viaWebapp = webapp("officer").post("/camunda/api/engine/engine/default/process-instance/"
        + mainInstance(lyon) + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", SIZE_GRANT))));

    assertThat(List.of(modification.status(), async.status(), viaWebapp.status())).containsOnly(403);
    assertThat(snapshot(lyon)).isEqualTo(before);
    assertThat(authorizationService.isUserAuthorized("officer", List.of("programme-officers"),
        ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, "city-grant"))
        .as("no role but administrators may edit instances").isFalse();
    assertThat(authorizationService.isUserAuthorized("officer", List.of("programme-officers"),
        Permissions.UPDATE, Resources.PROCESS_INSTANCE, mainInstance(lyon))).isFalse();
  }

  @Test
  void anOfficerStopsAGrantThroughTheProductsEarlyStop() {
    String lyon = grantInPreparation("lyon", "coach1", "Lyon's grant, stopped properly.");
    String instance = mainInstance(lyon);
    Http.Response stopped = as("officer").post("/api/grants/" + lyon + "/early-stop",
        Map.of("reason", "The council withdrew its support."));
    assertThat(stopped.status()).as("%s", stopped).isEqualTo(202);
    journey.runAsyncJobs();
    assertThat(ledger.statement(lyon).status()).isEqualTo(org.citygrants.ledger.GrantAccount.Status.CLOSED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("stoppedBy").singleResult().getValue()).isEqualTo("officer");
  }

  private GrantSnapshot snapshot(String grant) {
    return GrantSnapshot.of(grant, mainInstance(grant), runtimeService, taskService, register, ledger);
  }

  private Http webapp(String user) {
    Http browser = anonymous();
    String token = WebappSessionTest.signInToTasklist(browser, user);
    return browser.header("X-XSRF-TOKEN", token);
  }
}
