package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.InputRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine-side rule without HTTP: the engine's Java API with a person's identity set, as any
 * transport ends up calling it. What people may send is decided inside the engine.
 */
class EngineInputPolicyTest extends SecuredApplicationTest {

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired GrantRegister register;
  @Autowired LedgerService ledger;

  @AfterEach
  void nobodySignedIn() {
    identityService.clearAuthentication();
  }

  @Test
  void aPersonCompletesATaskWithTheFieldsOfItsFormOnly() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon on the Java API.");
    String task = task(grant, SUBMIT_PROCUREMENT_PLAN).getId();
    GrantSnapshot before = snapshot(grant);
    signIn("lyon", "city-lyon");

    assertThatThrownBy(() -> taskService.complete(task, with(procurementPlan(), "grantReference", "TAMPERE-2026")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("grantReference"));
    assertThatThrownBy(() -> formService.submitTaskForm(task, with(procurementPlan(), "coach", "lyon")))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("coach"));
    assertThatThrownBy(() -> taskService.complete(task, with(procurementPlan(), "procurementPlan",
        Map.of("nested", Map.of("deeper", List.of(1, 2, 3))))))
        .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("procurementPlan"));
    identityService.clearAuthentication();
    assertThat(snapshot(grant)).isEqualTo(before);

    signIn("lyon", "city-lyon");
    taskService.claim(task, "lyon");
    taskService.complete(task, procurementPlan());
    identityService.clearAuthentication();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(SUBMIT_PROCUREMENT_PLAN);
  }

  @Test
  void aReadOnlyFieldOfTheFormIsDroppedNotStored() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon sends a read-only field.");
    journey.complete(grant, COMPLETE_METHOD_ONBOARDING, "lyon", methodOnboarding());
    String task = task(grant, PLAN_EXPERIMENTATION).getId();
    signIn("lyon", "city-lyon");
    taskService.claim(task, "lyon");
    taskService.complete(task, with(planningCanvas(), "awardedAmount", 50000));
    identityService.clearAuthentication();
    assertThat(((Number) journey.variable(grant, "awardedAmount")).intValue()).isEqualTo(40000);
  }

  @Test
  void everythingAroundTheFormsIsRefusedToPeopleButNotToAdministrators() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon goes around the forms.");
    String instance = mainInstance(grant);
    String task = task(grant, COMPLETE_METHOD_ONBOARDING).getId();
    String job = managementService.createJobQuery().processInstanceId(instance).list().get(0).getId();
    GrantSnapshot before = snapshot(grant);

    Map<String, Consumer<Void>> attempts = new java.util.LinkedHashMap<>();
    attempts.put("set a process variable", v -> runtimeService.setVariable(instance, "coach", "lyon"));
    attempts.put("set a task variable", v -> taskService.setVariable(task, "coach", "lyon"));
    attempts.put("remove a variable", v -> runtimeService.removeVariable(instance, "cityCode"));
    attempts.put("throw a BPMN error", v -> taskService.handleBpmnError(task, "GRANT_STOPPED"));
    attempts.put("throw an escalation", v -> taskService.handleEscalation(task, "GRANT_STOPPED"));
    attempts.put("correlate a message", v -> runtimeService.createMessageCorrelation("EarlyStopRequested")
        .processInstanceBusinessKey(grant).correlate());
    attempts.put("signal", v -> runtimeService.signalEventReceived("anything"));
    attempts.put("modify the instance", v -> runtimeService.createProcessInstanceModification(instance)
        .startBeforeActivity(SIZE_GRANT).execute());
    attempts.put("start in the middle", v -> runtimeService.createProcessInstanceByKey("city-grant")
        .startBeforeActivity(ASSIGN_COACH).execute());
    attempts.put("suspend the instance", v -> runtimeService.suspendProcessInstanceById(instance));
    attempts.put("retry a job", v -> managementService.setJobRetries(job, 5));
    attempts.put("run a job", v -> managementService.executeJob(job));
    attempts.put("deploy", v -> repositoryService.createDeployment().addModelInstance("evil.bpmn",
        Bpmn.createExecutableProcess("evil").camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy());
    var renamed = taskService.createTaskQuery().taskId(task).singleResult();
    renamed.setName("mine");
    attempts.put("rename the task", v -> taskService.saveTask(renamed));

    for (String user : List.of("lyon", "coach1", "officer", "finance1", "manager")) {
      signIn(user, groupOf(user));
      attempts.forEach((what, attempt) -> assertThatThrownBy(() -> attempt.accept(null))
          .as("%s: %s", user, what).isInstanceOf(AuthorizationException.class));
      identityService.clearAuthentication();
    }
    assertThat(snapshot(grant)).isEqualTo(before);

    signIn("admin", "camunda-admin");
    runtimeService.setVariable(instance, "adminNote", "administrators keep every power");
    identityService.clearAuthentication();
    assertThat(journey.variable(grant, "adminNote")).isEqualTo("administrators keep every power");
  }

  @Test
  void whoeverClaimedAGroupTaskMayGiveItBackButNotANamedOne() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon claims, then releases.");
    String task = task(grant, COMPLETE_METHOD_ONBOARDING).getId();
    Http.Response claimed = as("lyon").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "lyon"));
    assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
    assertThat(as("tampere").post("/engine-rest/task/" + task + "/unclaim", Map.of()).status())
        .as("another city may not touch it").isIn(403, 404);
    Http.Response released = as("lyon").post("/engine-rest/task/" + task + "/unclaim", Map.of());
    assertThat(released.status()).as("%s", released).isEqualTo(204);
    assertThat(task(grant, COMPLETE_METHOD_ONBOARDING).getAssignee()).isNull();

    // the same through the Java API, and a colleague of the team may now take it
    signIn("lyon", "city-lyon");
    taskService.claim(task, "lyon");
    taskService.setAssignee(task, null);
    identityService.clearAuthentication();
    assertThat(task(grant, COMPLETE_METHOD_ONBOARDING).getAssignee()).isNull();

    // a task assigned by name (the coach's) has no group to go back to: it stays with its coach
    journey.cityPrepares(grant, "lyon", "officer");
    journey.payOpenPayment(grant);
    journey.runAsyncJobs();
    String readiness = task(grant, CONFIRM_READINESS).getId();
    Http.Response refused = as("coach1").post("/engine-rest/task/" + readiness + "/unclaim", Map.of());
    assertThat(refused.status()).as("%s", refused).isEqualTo(403);
    assertThat(task(grant, CONFIRM_READINESS).getAssignee()).isEqualTo("coach1");
  }

  private void signIn(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
  }

  private static String groupOf(String user) {
    return switch (user) {
      case "lyon" -> "city-lyon";
      case "coach1" -> "coaches";
      case "officer" -> "programme-officers";
      case "finance1" -> "finance-officers";
      default -> "programme-managers";
    };
  }

  private GrantSnapshot snapshot(String grant) {
    return GrantSnapshot.of(grant, mainInstance(grant), runtimeService, taskService, register, ledger);
  }
}
