package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import java.util.List;
import org.citygrants.grant.CoachAssignments;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.PaymentProcess;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A grant's coach changes: what the old coach could see of the grant (its instance, variables,
 * tasks, history, its called payment) the new coach now sees, and the old coach no longer does,
 * through the engine REST API; the open coach task and the later ones go to the new coach.
 */
class CoachReassignmentTest extends SecuredApplicationTest {

  @Autowired CoachAssignments coachAssignments;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @Test
  void reassigningTheCoachMovesTheGrantsVisibilityFromTheOldCoachToTheNewOne() {
    String grant = grantWithPaymentToApprove("lyon", "coach1", "Lyon changes its coach midway.");
    String payment = journey.task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getProcessInstanceId();
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance2", approvePayment(true));
    String instance = mainInstance(grant);
    String readinessTask = task(grant, CONFIRM_READINESS).getId();
    assertThat(task(grant, CONFIRM_READINESS).getAssignee()).isEqualTo("coach1");

    assertSeesTheGrant("coach1", instance, payment, readinessTask);
    assertSeesNothingOfTheGrant("coach2", instance, payment, readinessTask);

    CoachAssignments.Reassignment change = coachAssignments.reassign("manager", grant, "coach2");

    assertThat(change.previousCoach()).isEqualTo("coach1");
    assertThat(runtimeService.getVariable(instance, "coachName")).as("forms show the new coach by name")
        .isEqualTo("Katarzyna Wiśniewska");
    assertThat(change.movedTaskIds()).containsExactly(readinessTask);
    assertSeesTheGrant("coach2", instance, payment, readinessTask);
    assertSeesNothingOfTheGrant("coach1", instance, payment, readinessTask);

    // the new coach works on the grant; the next coach task is theirs by name
    Http.Response done = as("coach2").post("/engine-rest/task/" + readinessTask + "/complete", submission(readiness(true)));
    assertThat(done.status()).as("%s", done).isEqualTo(204);
    journey.complete(grant, FORM_INVESTMENT_COMMITTEE, "lyon", committee());
    assertThat(task(grant, DECIDE_COMMITTEE_CONVENING).getAssignee()).isEqualTo("coach2");
    assertThat(as("coach2").get("/engine-rest/task?processInstanceId=" + instance).body())
        .contains(task(grant, DECIDE_COMMITTEE_CONVENING).getId());
    assertThat(as("coach1").get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    assertThat(as("coach1").get("/engine-rest/history/task?processInstanceId=" + instance).json()).isEmpty();
  }

  @Test
  void onlyAProgrammeManagerReassignsAndOnlyToACoach() {
    String grant = grantInPreparation("tampere", "coach2", "Tampere keeps its coach.");
    assertThatThrownBy(() -> coachAssignments.reassign("officer", grant, "coach1"))
        .isInstanceOf(TaskNotAvailableException.class);
    assertThatThrownBy(() -> coachAssignments.reassign("coach1", grant, "coach1"))
        .isInstanceOf(TaskNotAvailableException.class);
    assertThatThrownBy(() -> coachAssignments.reassign("manager", grant, "lyon"))
        .isInstanceOf(InputRejectedException.class);
    assertThat(as("coach2").get("/engine-rest/process-instance/" + mainInstance(grant) + "/variables").status())
        .isEqualTo(200);
    assertThat(as("coach1").get("/engine-rest/process-instance/" + mainInstance(grant) + "/variables").status())
        .isEqualTo(403);
  }

  private void assertSeesTheGrant(String coach, String instance, String payment, String task) {
    Http http = as(coach);
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instance).body()).as(coach).contains(task);
    assertThat(http.get("/engine-rest/task/" + task).status()).as(coach).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + instance + "/variables").status()).as(coach).isEqualTo(200);
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + instance).body()).as(coach)
        .contains(instance);
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + payment).body())
        .as("%s reads the grant's payment", coach).contains(payment);
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + instance).body()).as(coach)
        .contains("Lyon changes its coach midway.");
    assertThat(http.get("/engine-rest/history/task?processInstanceId=" + instance).json()).as(coach).isNotEmpty();
  }

  private void assertSeesNothingOfTheGrant(String coach, String instance, String payment, String task) {
    Http http = as(coach);
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instance).json()).as(coach).isEmpty();
    assertThat(http.get("/engine-rest/task/" + task).status()).as(coach).isEqualTo(404);
    assertThat(http.get("/engine-rest/process-instance/" + instance + "/variables").status()).as(coach).isEqualTo(403);
    for (String path : List.of("/history/process-instance?processInstanceId=" + instance,
        "/history/process-instance?processInstanceId=" + payment,
        "/history/variable-instance?processInstanceId=" + instance,
        "/history/variable-instance?processInstanceId=" + payment,
        "/history/task?processInstanceId=" + instance,
        "/history/activity-instance?processInstanceId=" + instance,
        "/history/detail?processInstanceId=" + instance)) {
      assertThat(http.get("/engine-rest" + path).json()).as("%s: %s", coach, path).isEmpty();
    }
  }
}
