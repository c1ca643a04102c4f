package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.citygrants.process.PaymentProcess;
import org.citygrants.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claim, release and take over, per role, over the engine REST API (the calls Tasklist makes: its
 * Claim and Unclaim buttons, its assignee field): a colleague takes over a task from someone away,
 * within the group the task is offered to; programme managers reassign the programme team's tasks;
 * a coach's tasks stay with the coach; a city's tasks stay in its city. Refusals are 403 with a
 * message in words. Four eyes on payments: the requester neither sees, claims, completes nor is
 * given the approval; another finance officer does all of it.
 *
 * <p>Besides the demo users, a second officer ({@code officer-b}) and a two-person city team
 * ({@code city-ghent}: {@code ghent-a}, {@code ghent-b}) are created once, without e-mail addresses.
 */
class TaskHandOverTest extends SecuredApplicationTest {

  static final String SECOND_OFFICER = "officer-b";
  static final String GHENT_A = "ghent-a";
  static final String GHENT_B = "ghent-b";

  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;

  @BeforeEach
  void colleagues() {
    serveThisEngine();
    if (identityService.createGroupQuery().groupId("city-ghent").count() == 0) {
      Group ghent = identityService.newGroup("city-ghent");
      ghent.setName("Ghent");
      ghent.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(ghent);
    }
    member(GHENT_A, "city-ghent");
    member(GHENT_B, "city-ghent");
    member(SECOND_OFFICER, "programme-officers");
  }

  private void member(String userId, String groupId) {
    TestPeople.member(identityService, userId, userId, "Colleague", null, groupId);
  }

  // --- a city team ---------------------------------------------------------------------------

  @Test
  void aCityColleagueTakesOverAndHandsBackWithinTheCityOnly() {
    String grant = grantInPreparation(GHENT_A, "coach1", "Ghent's schoolyards, shared by two.");
    String task = task(grant, COMPLETE_METHOD_ONBOARDING).getId();
    assertThat(claim(GHENT_A, task, GHENT_A).status()).isEqualTo(204);

    // ghent-a is away: ghent-b takes the task over, then gives it back
    assertAllowed(assign(GHENT_B, task, GHENT_B));
    assertThat(assigneeOf(task)).isEqualTo(GHENT_B);
    assertAllowed(assign(GHENT_B, task, GHENT_A));
    assertThat(assigneeOf(task)).isEqualTo(GHENT_A);

    // never outside the city, and nobody outside the city moves it
    assertRefused(assign(GHENT_A, task, "lyon"), "can only go to someone from the Ghent team");
    assertRefused(assign(GHENT_A, task, "officer"), "can only go to someone from the Ghent team");
    assertRefused(assign("lyon", task, "lyon"), "cannot see this task");
    assertRefused(assign("officer", task, GHENT_B), "Only the Ghent team can");
    assertRefused(assign("manager", task, GHENT_B), "Only the Ghent team can");
    assertRefused(unclaim("manager", task), "Only the Ghent team can");
    assertRefused(assign("coach1", task, GHENT_B), "Only the Ghent team can");
    assertThat(assigneeOf(task)).isEqualTo(GHENT_A);

    // a claim is for oneself: claiming an open task for someone else is an assignment, same rule
    String open = task(grant, SUBMIT_PROCUREMENT_PLAN).getId();
    assertRefused(claim(GHENT_A, open, "lyon"), "can only go to someone from the Ghent team");
    assertRefused(claim(GHENT_A, open, "tampere"), "can only go to someone from the Ghent team");
    assertThat(assigneeOf(open)).isNull();
    assertAllowed(claim(GHENT_A, open, GHENT_B));
    assertThat(assigneeOf(open)).isEqualTo(GHENT_B);

    // a colleague may also give it back to the team; a task claimed by a colleague is completed
    // by the colleague, or taken over first: completing it past them is refused, naming them
    assertAllowed(unclaim(GHENT_A, open));
    assertThat(assigneeOf(open)).isNull();
    Http.Response pastTheHolder = as(GHENT_B).post("/engine-rest/task/" + task + "/complete", submission(methodOnboarding()));
    // named as people know them (this test's users are called "<id> Colleague"), never by task id
    assertRefused(pastTheHolder, "being worked on by " + GHENT_A + " Colleague");
    assertThat(pastTheHolder.body()).doesNotContain(task);
    assertThat(journey.openTaskKeys(grant)).contains(COMPLETE_METHOD_ONBOARDING);
    assertAllowed(assign(GHENT_B, task, GHENT_B));
    assertAllowed(as(GHENT_B).post("/engine-rest/task/" + task + "/complete", submission(methodOnboarding())));
    assertThat(journey.openTaskKeys(grant)).doesNotContain(COMPLETE_METHOD_ONBOARDING);
  }

  @Test
  void theTakeOverIsInTheUserOperationLogUnderTheNameOfWhoDidIt() {
    String grant = grantInPreparation(GHENT_A, "coach1", "Ghent's take-over, on the record.");
    String task = task(grant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    claim(GHENT_A, task, GHENT_A);
    assertAllowed(assign(GHENT_B, task, GHENT_B));

    List<UserOperationLogEntry> entries = historyService.createUserOperationLogQuery().taskId(task)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).property("assignee").list();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getUserId()).isEqualTo(GHENT_B);
    assertThat(entries.get(0).getOrgValue()).isEqualTo(GHENT_A);
    assertThat(entries.get(0).getNewValue()).isEqualTo(GHENT_B);

    // a manager's reassignment of an officer's task names the manager
    String sizingGrant = journey.apply("lyon", with(application("learning"), "challenge", "Lyon's sizing, reassigned."));
    String sizing = task(sizingGrant, SIZE_GRANT).getId();
    claim("officer", sizing, "officer");
    assertAllowed(assign("manager", sizing, SECOND_OFFICER));
    UserOperationLogEntry byManager = historyService.createUserOperationLogQuery().taskId(sizing)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).property("assignee").singleResult();
    assertThat(byManager.getUserId()).isEqualTo("manager");
    assertThat(byManager.getOrgValue()).isEqualTo("officer");
    assertThat(byManager.getNewValue()).isEqualTo(SECOND_OFFICER);
  }

  // --- programme officers and managers -------------------------------------------------------

  @Test
  void officersTakeOverFromEachOtherAndManagersReassignTheProgrammeTeamsTasks() {
    String grant = journey.apply("lyon", with(application("learning"), "challenge", "Lyon's sizing, officer away."));
    String sizing = task(grant, SIZE_GRANT).getId();
    assertThat(claim("officer", sizing, "officer").status()).isEqualTo(204);

    // another officer takes it over; a manager hands it back; nobody else moves it
    assertAllowed(assign(SECOND_OFFICER, sizing, SECOND_OFFICER));
    assertAllowed(assign("manager", sizing, "officer"));
    assertThat(assigneeOf(sizing)).isEqualTo("officer");
    assertRefused(assign("manager", sizing, "manager"), "This task is for the programme officers: you cannot take it over");
    assertRefused(assign("manager", sizing, "lyon"), "can only go to someone from the programme officers");
    assertRefused(assign("finance2", sizing, "finance2"), "cannot see this task");
    assertRefused(assign("lyon", sizing, "lyon"), "cannot see this task");
    assertRefused(unclaim("lyon", sizing), "cannot see this task");
    assertThat(assigneeOf(sizing)).isEqualTo("officer");

    // the manager gives it back to the officers' queue; the second officer takes and completes it
    assertAllowed(unclaim("manager", sizing));
    assertThat(assigneeOf(sizing)).isNull();
    journey.complete(grant, SIZE_GRANT, SECOND_OFFICER, award(40000));
    journey.acceptAward(grant, "lyon");

    // the managers' own task: managers take it over, officers do not
    String coachChoice = task(grant, ASSIGN_COACH).getId();
    assertThat(claim("manager", coachChoice, "manager").status()).isEqualTo(204);
    assertRefused(assign("officer", coachChoice, "officer"), "Only the programme managers can");
    assertRefused(assign("manager", coachChoice, "officer"), "can only go to someone from the programme managers");
    assertAllowed(unclaim("manager", coachChoice));
  }

  // --- coaches -------------------------------------------------------------------------------

  @Test
  void aCoachsTaskStaysWithTheCoachWhoeverAsks() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's coach keeps the readiness check.");
    journey.cityPrepares(grant, "lyon", "officer");
    journey.payOpenPayment(grant);
    journey.runAsyncJobs();
    String readiness = task(grant, CONFIRM_READINESS).getId();
    assertThat(assigneeOf(readiness)).isEqualTo("coach1");

    assertRefused(assign("coach1", readiness, "coach2"), "given to one person by name");
    assertRefused(unclaim("coach1", readiness), "given to one person by name");
    assertRefused(assign("coach2", readiness, "coach2"), "cannot see this task");
    assertRefused(assign("manager", readiness, "coach2"), "a programme manager changes the grant's coach");
    assertRefused(assign("officer", readiness, "officer"), "given to one person by name");
    assertRefused(assign("lyon", readiness, "lyon"), "cannot see this task");
    assertThat(assigneeOf(readiness)).isEqualTo("coach1");
  }

  // --- finance: take-over and four eyes ------------------------------------------------------

  @Test
  void theRequesterNeitherSeesNorClaimsNorCompletesNorIsGivenTheApproval() {
    String grant = grantWithPaymentToApprove("lyon", "coach1", "Lyon's advance, four eyes.");
    String approval = task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getId();
    String payment = task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getProcessInstanceId();

    // finance1 requested it: not in their lists, filters or counts
    assertThat(taskIds(as("finance1").get("/engine-rest/task?processInstanceId=" + payment).json())).doesNotContain(approval);
    assertThat(as("finance1").get("/engine-rest/task/" + approval).status()).isEqualTo(404);
    assertThat(filterTaskIds("finance1", "Payments to approve", payment)).doesNotContain(approval);
    assertThat(filterTaskIds("finance1", "My group tasks", payment)).doesNotContain(approval);
    assertThat(filterTaskIds("finance2", "Payments to approve", payment)).contains(approval);
    assertThat(filterTaskIds("finance2", "My group tasks", payment)).contains(approval);

    // nor may finance1 claim, take, complete it; refused in words
    String fourEyes = "You requested this payment, so a different finance officer approves it (four eyes).";
    assertRefused(claim("finance1", approval, "finance1"), fourEyes);
    assertRefused(assign("finance1", approval, "finance1"), fourEyes);
    assertRefused(as("finance1").post("/engine-rest/task/" + approval + "/complete", submission(approvePayment(true))),
        fourEyes);
    assertRefused(as("finance1").post("/engine-rest/task/" + approval + "/submit-form", submission(approvePayment(true))),
        fourEyes);
    assertThat(assigneeOf(approval)).isNull();

    // nobody gives it to finance1, an administrator included
    assertThat(claim("finance2", approval, "finance2").status()).isEqualTo(204);
    String toTheRequester = "The finance officer who requested this payment cannot approve it (four eyes)";
    assertRefused(assign("finance2", approval, "finance1"), toTheRequester);
    assertRefused(assign("admin", approval, "finance1"), toTheRequester);
    assertRefused(claim("manager", approval, "finance1"), "Only the finance officers can");
    assertThat(assigneeOf(approval)).isEqualTo("finance2");

    // the other finance officer approves
    assertAllowed(as("finance2").post("/engine-rest/task/" + approval + "/complete", submission(approvePayment(true))));
    journey.runAsyncJobs();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(PaymentProcess.Elements.APPROVE_PAYMENT);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(approval).count())
        .as("the exclusion goes with the task").isZero();
  }

  @Test
  void whoeverRequestsTheNextRoundIsExcludedFromItsApprovalAndFinanceOfficersTakeOverFromEachOther() {
    String grant = grantInPreparation("lyon", "coach1", "Lyon's advance, queried once.");
    journey.cityPrepares(grant, "lyon", "officer");
    String request = task(grant, PaymentProcess.Elements.REQUEST_PAYMENT).getId();
    Number proposed = (Number) taskService.getVariable(request, PaymentProcess.PROPOSED_PAYMENT_AMOUNT.name());

    // finance1 claimed the request and is away: finance2 takes it over from them
    assertThat(claim("finance1", request, "finance1").status()).isEqualTo(204);
    assertAllowed(assign("finance2", request, "finance2"));
    assertRefused(assign("officer", request, "officer"), "Only the finance officers can");
    journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance2", requestPayment(proposed.doubleValue()));

    // finance2 requested: the approval is finance1's to see, not finance2's
    String approval = task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getId();
    assertThat(as("finance2").get("/engine-rest/task/" + approval).status()).isEqualTo(404);
    assertThat(as("finance1").get("/engine-rest/task/" + approval).status()).isEqualTo(200);
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance1",
        with(approvePayment(false), "paymentQuery", "Attach the signed procurement plan."));

    // the query goes back; finance1 requests again this time, so finance2 approves
    journey.complete(grant, PaymentProcess.Elements.REQUEST_PAYMENT, "finance1", requestPayment(proposed.doubleValue()));
    String second = task(grant, PaymentProcess.Elements.APPROVE_PAYMENT).getId();
    assertThat(as("finance1").get("/engine-rest/task/" + second).status()).isEqualTo(404);
    assertThat(as("finance2").get("/engine-rest/task/" + second).status()).isEqualTo(200);
    assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .resourceType(Resources.TASK).resourceId(second).list()).extracting(Authorization::getUserId)
        .containsExactly("finance1");
    journey.complete(grant, PaymentProcess.Elements.APPROVE_PAYMENT, "finance2", approvePayment(true));
    journey.runAsyncJobs();
    assertThat(journey.openTaskKeys(grant)).doesNotContain(PaymentProcess.Elements.APPROVE_PAYMENT);
  }

  // --- whom Tasklist can name ---------------------------------------------------------------

  @Test
  void tasklistCanNameTheColleaguesATaskMayGoToAndNobodyElse() {
    // Tasklist's assignee field accepts only a person the signed-in user reads
    assertThat(profileStatus(GHENT_A, GHENT_B)).as("a city colleague").isEqualTo(200);
    assertThat(profileStatus(GHENT_A, "lyon")).as("another city's member").isNotEqualTo(200);
    assertThat(profileStatus("lyon", GHENT_B)).as("another city's member").isNotEqualTo(200);
    assertThat(profileStatus("lyon", "officer")).as("staff, for a city").isNotEqualTo(200);
    assertThat(profileStatus("finance2", "finance1")).as("staff read the programme's people").isEqualTo(200);
    assertThat(profileStatus("manager", SECOND_OFFICER)).isEqualTo(200);
    assertThat(profileStatus("officer", GHENT_A)).isEqualTo(200);
    assertThat(profileStatus("coach1", "coach2")).as("coaches hand nothing over").isNotEqualTo(200);

    // joining and leaving a city team (as in Admin) gives and takes the colleagues' view
    member("ghent-c", "city-ghent");
    assertThat(profileStatus(GHENT_A, "ghent-c")).isEqualTo(200);
    identityService.deleteMembership("ghent-c", "city-ghent");
    assertThat(profileStatus(GHENT_A, "ghent-c")).isNotEqualTo(200);
    identityService.deleteUser("ghent-c");
  }

  private int profileStatus(String user, String profileOf) {
    return as(user).get("/engine-rest/user/" + profileOf + "/profile").status();
  }

  // --- helpers -------------------------------------------------------------------------------

  private Http.Response claim(String user, String taskId, String forUser) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", forUser);
    return as(user).post("/engine-rest/task/" + taskId + "/claim", body);
  }

  private Http.Response assign(String user, String taskId, String newAssignee) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", newAssignee);
    return as(user).post("/engine-rest/task/" + taskId + "/assignee", body);
  }

  private Http.Response unclaim(String user, String taskId) {
    return as(user).post("/engine-rest/task/" + taskId + "/unclaim", Map.of());
  }

  private String assigneeOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private static void assertAllowed(Http.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(204);
  }

  /** 403 with a message in words: the expected text, and no ids or permission names. */
  private static void assertRefused(Http.Response response, String expected) {
    assertThat(response.status()).as("%s", response).isEqualTo(403);
    String message = response.json().path("message").asText();
    assertThat(message).as("%s", response).contains(expected)
        .doesNotContain("TASK_WORK", "TASK_ASSIGN", "UPDATE", "permission", "resource")
        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
  }

  /** The ids of the tasks a user's saved filter lists, narrowed to one process instance. */
  private List<String> filterTaskIds(String user, String filterName, String processInstanceId) {
    JsonNode filters = as(user).get("/engine-rest/filter?resourceType=Task&name="
        + filterName.replace(" ", "%20")).json();
    assertThat(filters.size()).as("filter %s for %s", filterName, user).isGreaterThan(0);
    String filterId = filters.get(0).path("id").asText();
    Http.Response listed = as(user).post("/engine-rest/filter/" + filterId + "/list",
        Map.of("processInstanceId", processInstanceId));
    assertThat(listed.status()).as("%s", listed).isEqualTo(200);
    Http.Response counted = as(user).post("/engine-rest/filter/" + filterId + "/count",
        Map.of("processInstanceId", processInstanceId));
    List<String> ids = taskIds(listed.json());
    assertThat(counted.json().path("count").asInt()).as("count of %s for %s", filterName, user).isEqualTo(ids.size());
    return ids;
  }

  private static List<String> taskIds(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }
}
