package org.citygrants.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may do what, over the real engine REST API: every role against every operation on Lyon's
 * grant, with the expected answer. Refusals run before the operations that change something, so
 * each refusal meets the task it is about. The observed matrix is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest extends SecuredApplicationTest {

  /** The roles; the user name is the demo user who has it (null: nobody signed in). */
  enum Role {
    ANONYMOUS(null), CITY_LYON("lyon"), CITY_TAMPERE("tampere"), COACH_OF_LYON("coach1"), OTHER_COACH("coach2"),
    OFFICER("officer"), FINANCE("finance2"), MANAGER("manager"), ADMIN("admin");

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  enum Op {
    LIST_TASKS("list tasks: Lyon's task in GET /task"),
    READ_TASK("read a task: GET /task/{id}"),
    COMPLETE_TASK("complete a task: POST /task/{id}/complete"),
    READ_VARIABLES("read variables: GET /process-instance/{id}/variables"),
    READ_HISTORY("read history: GET /history/process-instance?processInstanceId="),
    READ_TASK_HISTORY("read the grant's finished tasks: GET /history/task?processInstanceId=&finished=true"),
    READ_PAYMENT_TASK_HISTORY("read a payment's finished tasks: GET /history/task?processInstanceId=&finished=true"),
    START_APPLICATION("start an application: POST /process-definition/key/city-grant/start"),
    APPROVE_PAYMENT("approve a payment: POST /task/{approval}/complete"),
    ASSIGN_OFFICER_TASK("give an officers' task to the officer: POST /task/{sizing}/assignee"),
    DEPLOY("deploy: POST /deployment/create"),
    CREATE_USER("administer users: POST /user/create");

    final String label;

    Op(String label) {
      this.label = label;
    }
  }

  /** Outcomes: an HTTP status, or for list reads whether Lyon's item is among the results (200). */
  static final String SEES = "sees";
  static final String HIDDEN = "hidden";

  private final Map<Op, Map<Role, String>> expected = new EnumMap<>(Op.class);
  private final Map<Op, Map<Role, String>> observed = new EnumMap<>(Op.class);

  private String lyonGrant;
  private String lyonInstance;
  private String lyonTaskForRefusals;
  private String lyonTaskForLyon;
  private String lyonTaskForAdmin;
  private String approvalForRefusalsAndFinance;
  private String approvalForAdmin;
  private String sizingTask;
  private String paymentInstance;

  PermissionMatrixTest() {
    expect(Op.LIST_TASKS, "401", SEES, HIDDEN, SEES, HIDDEN, SEES, HIDDEN, SEES, SEES);
    expect(Op.READ_TASK, "401", "200", "404", "200", "404", "200", "404", "200", "200");
    expect(Op.COMPLETE_TASK, "401", "204", "403", "403", "403", "403", "403", "403", "204");
    expect(Op.READ_VARIABLES, "401", "200", "403", "200", "403", "200", "403", "200", "200");
    expect(Op.READ_HISTORY, "401", SEES, HIDDEN, SEES, HIDDEN, SEES, HIDDEN, SEES, SEES);
    // the grant's finished tasks through its history (no per-task history rows: GrantAccessPlugin)
    expect(Op.READ_TASK_HISTORY, "401", SEES, HIDDEN, SEES, HIDDEN, SEES, HIDDEN, SEES, SEES);
    expect(Op.READ_PAYMENT_TASK_HISTORY, "401", SEES, HIDDEN, SEES, HIDDEN, SEES, SEES, SEES, SEES);
    // the administrator may start, but only a city team applies (refused as input, 400)
    expect(Op.START_APPLICATION, "401", "200", "200", "403", "403", "403", "403", "403", "400");
    expect(Op.APPROVE_PAYMENT, "401", "403", "403", "403", "403", "403", "204", "403", "204");
    // the officers take over their tasks, managers reassign them, nobody else moves them
    expect(Op.ASSIGN_OFFICER_TASK, "401", "403", "403", "403", "403", "204", "403", "204", "204");
    expect(Op.DEPLOY, "401", "403", "403", "403", "403", "403", "403", "403", "200");
    expect(Op.CREATE_USER, "401", "403", "403", "403", "403", "403", "403", "403", "204");
  }

  private void expect(Op op, String... outcomes) {
    Map<Role, String> row = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      row.put(role, outcomes[role.ordinal()]);
    }
    expected.put(op, row);
  }

  @BeforeAll
  void grants() {
    serveThisEngine();
    lyonGrant = grantInPreparation("lyon", "coach1", "Schoolyards overheat in summer in Lyon.");
    lyonInstance = mainInstance(lyonGrant);
    lyonTaskForRefusals = task(lyonGrant, OBTAIN_INTERNAL_AUTHORISATIONS).getId();
    lyonTaskForLyon = task(lyonGrant, COMPLETE_METHOD_ONBOARDING).getId();
    lyonTaskForAdmin = task(lyonGrant, SUBMIT_PROCUREMENT_PLAN).getId();
    grantInPreparation("tampere", "coach2", "The harbour freezes early in Tampere.");
    Task approval = task(grantWithPaymentToApprove("lyon", "coach1", "Lyon's second grant, for the advance."),
        PaymentProcess.Elements.APPROVE_PAYMENT);
    approvalForRefusalsAndFinance = approval.getId();
    paymentInstance = approval.getProcessInstanceId();
    approvalForAdmin = task(grantWithPaymentToApprove("lyon", "coach1", "Lyon's third grant, for the advance."),
        PaymentProcess.Elements.APPROVE_PAYMENT).getId();
    sizingTask = task(journey.apply("lyon", with(application("learning"), "challenge", "Lyon's fourth grant, to size.")),
        SIZE_GRANT).getId();
  }

  /**
   * No per-task history row on a grant's tasks (GrantAccessPlugin, issue 17): the grant's finished
   * tasks and its payment's are read through the historic instance (READ_TASK_HISTORY and
   * READ_PAYMENT_TASK_HISTORY above); the rows that outlived their tasks are gone.
   */
  @Test
  void aGrantsTasksCarryNoHistoryRowOfTheirOwn() {
    List<String> tasks = new ArrayList<>();
    for (String instance : List.of(lyonInstance, paymentInstance)) {
      processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance).list()
          .forEach(task -> tasks.add(task.getId()));
    }
    assertThat(tasks).hasSizeGreaterThan(3);
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
        .list().stream().filter(a -> tasks.contains(a.getResourceId())).toList()).isEmpty();
    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(lyonTaskForRefusals).count()).as("the runtime rows stay").isPositive();
  }

  @TestFactory
  Stream<DynamicTest> everyRoleAgainstEveryOperation() {
    List<DynamicTest> refusalsAndReads = new ArrayList<>();
    List<DynamicTest> changes = new ArrayList<>();
    for (Op op : Op.values()) {
      for (Role role : Role.values()) {
        String expectation = expected.get(op).get(role);
        boolean changesSomething = expectation.equals("204") || (expectation.equals("200")
            && (op == Op.START_APPLICATION || op == Op.DEPLOY));
        DynamicTest test = DynamicTest.dynamicTest(role + " / " + op.label + " -> " + expectation, () -> {
          String outcome = run(op, role);
          observed.computeIfAbsent(op, o -> new EnumMap<>(Role.class)).put(role, outcome);
          assertThat(outcome).as("%s as %s", op.label, role).isEqualTo(expectation);
        });
        (changesSomething ? changes : refusalsAndReads).add(test);
      }
    }
    return Stream.concat(refusalsAndReads.stream(), changes.stream());
  }

  private String run(Op op, Role role) {
    serveThisEngine();
    Http http = role.user == null ? anonymous() : as(role.user);
    Http.Response response = switch (op) {
      case LIST_TASKS -> http.get("/engine-rest/task?maxResults=1000");
      case READ_TASK -> http.get("/engine-rest/task/" + lyonTaskForRefusals);
      case COMPLETE_TASK -> {
        if (role == Role.CITY_LYON) {
          yield http.post("/engine-rest/task/" + lyonTaskForLyon + "/complete", submission(methodOnboarding()));
        } else if (role == Role.ADMIN) {
          yield http.post("/engine-rest/task/" + lyonTaskForAdmin + "/complete", submission(procurementPlan()));
        }
        yield http.post("/engine-rest/task/" + lyonTaskForRefusals + "/complete", submission(internalAuthorisations()));
      }
      case READ_VARIABLES -> http.get("/engine-rest/process-instance/" + lyonInstance + "/variables");
      case READ_HISTORY -> http.get("/engine-rest/history/process-instance?processInstanceId=" + lyonInstance);
      case READ_TASK_HISTORY -> http.get("/engine-rest/history/task?finished=true&processInstanceId=" + lyonInstance);
      case READ_PAYMENT_TASK_HISTORY -> http.get("/engine-rest/history/task?finished=true&processInstanceId="
          + paymentInstance);
      case START_APPLICATION -> http.post("/engine-rest/process-definition/key/city-grant/start",
          submission(with(application("learning"), "challenge", "Applied over REST by " + role + ".")));
      case APPROVE_PAYMENT -> http.post("/engine-rest/task/"
          + (role == Role.ADMIN ? approvalForAdmin : approvalForRefusalsAndFinance) + "/complete",
          submission(approvePayment(true)));
      case ASSIGN_OFFICER_TASK -> http.post("/engine-rest/task/" + sizingTask + "/assignee", Map.of("userId", "officer"));
      case DEPLOY -> http.postMultipart("/engine-rest/deployment/create",
          Map.of("deployment-name", "probe-" + role, "enable-duplicate-filtering", "false"),
          "security-probe.bpmn", probeProcess());
      case CREATE_USER -> http.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", "probe" + UUID.randomUUID().toString().substring(0, 8), "firstName", "Pro",
              "lastName", "Be", "email", "probe@example.org"),
          "credentials", Map.of("password", "Probe-Passw0rd!")));
    };
    if ((op == Op.READ_TASK_HISTORY || op == Op.READ_PAYMENT_TASK_HISTORY) && response.status() == 200) {
      return response.json().isEmpty() ? HIDDEN : SEES;
    }
    if ((op == Op.LIST_TASKS || op == Op.READ_HISTORY) && response.status() == 200) {
      String id = op == Op.LIST_TASKS ? lyonTaskForRefusals : lyonInstance;
      return ids(response.json()).contains(id) ? SEES : HIDDEN;
    }
    return String.valueOf(response.status());
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static String probeProcess() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="http://example.org/probe">
          <bpmn:process id="security-probe" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  @AfterAll
  void printTheMatrix() {
    StringBuilder table = new StringBuilder("\n| operation |");
    for (Role role : Role.values()) {
      table.append(' ').append(role.user == null ? "anonymous" : role.name().toLowerCase().replace('_', ' ')
          + " (" + role.user + ")").append(" |");
    }
    table.append("\n|---|").append("---|".repeat(Role.values().length)).append('\n');
    for (Op op : Op.values()) {
      table.append("| ").append(op.label).append(" |");
      Map<Role, String> row = observed.getOrDefault(op, new LinkedHashMap<>());
      for (Role role : Role.values()) {
        table.append(' ').append(row.getOrDefault(role, "?")).append(" |");
      }
      table.append('\n');
    }
    System.out.println("Permission matrix (observed):" + table);
  }
}
