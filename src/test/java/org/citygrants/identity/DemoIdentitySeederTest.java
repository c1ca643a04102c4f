package org.citygrants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.citygrants.access.GrantAccessService;
import org.citygrants.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole application in the demo profile: the seeded identities, their rights and filters. */
@ApplicationTest
class DemoIdentitySeederTest {

  private static final List<String> DEMO_USERS =
      List.of("manager", "officer", "finance1", "finance2", "coach1", "coach2", "lyon", "tampere", "admin");

  @Autowired DemoIdentitySeeder seeder;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired GrantAccessService grantAccess;

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @Test
  void usersHaveNamesEmailsAndTheDemoPassword() {
    for (String id : DEMO_USERS) {
      User user = identityService.createUserQuery().userId(id).singleResult();
      assertThat(user).as(id).isNotNull();
      assertThat(user.getFirstName()).as(id).isNotBlank();
      assertThat(user.getLastName()).as(id).isNotBlank();
      assertThat(user.getEmail()).as(id).endsWith("@example.org");
      assertThat(identityService.checkPassword(id, "demo")).as(id).isTrue();
    }
    assertThat(identityService.checkPassword("finance1", "wrong")).isFalse();
  }

  @Test
  void groupsAndMemberships() {
    assertThat(identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult().getType())
        .isEqualTo(Groups.GROUP_TYPE_SYSTEM);
    assertThat(identityService.createGroupQuery().groupType(Groups.GROUP_TYPE_WORKFLOW).list())
        .extracting(Group::getId)
        .contains("programme-managers", "programme-officers", "finance-officers", "coaches", "city-lyon",
            "city-tampere");
    assertThat(groupsOf("manager")).containsExactly("programme-managers");
    assertThat(groupsOf("officer")).containsExactly("programme-officers");
    assertThat(groupsOf("finance1")).containsExactly("finance-officers");
    assertThat(groupsOf("finance2")).containsExactly("finance-officers");
    assertThat(groupsOf("coach2")).containsExactly("coaches");
    assertThat(groupsOf("lyon")).containsExactly("city-lyon");
    assertThat(groupsOf("tampere")).containsExactly("city-tampere");
    assertThat(groupsOf("admin")).containsExactly("camunda-admin");
  }

  @Test
  void webappAccessAndProcessStartRights() {
    assertThat(allowed("manager", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(allowed("officer", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(allowed("lyon", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(allowed("lyon", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(allowed("finance2", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(allowed("admin", Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();

    assertThat(allowed("tampere", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "city-grant")).isTrue();
    assertThat(allowed("tampere", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "experimentation-programme")).isFalse();
    assertThat(allowed("manager", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "experimentation-programme")).isTrue();
    assertThat(allowed("lyon", Permissions.CREATE, Resources.PROCESS_INSTANCE, "*")).isTrue();
    assertThat(allowed("officer", ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        "city-grant")).isTrue();
  }

  @Test
  void paymentsFilterIsSharedWithFinanceOnlyAndShowsGrantColumns() {
    Filter payments = filter("Payments to approve", null);
    assertThat(allowed("finance1", Permissions.READ, Resources.FILTER, payments.getId())).isTrue();
    assertThat(allowed("lyon", Permissions.READ, Resources.FILTER, payments.getId())).isFalse();
    assertThat(allowed("tampere", Permissions.READ, Resources.FILTER, filter("My tasks", null).getId())).isTrue();

    Map<String, Object> properties = payments.getProperties();
    assertThat(properties).containsEntry("refresh", true).containsKeys("priority", "color", "description");
    assertThat(properties.get("variables")).asList()
        .contains(Map.of("name", "grantReference", "label", "Grant"),
            Map.of("name", "paymentAmount", "label", "Amount (EUR)"));
    assertThat(((TaskQueryImpl) payments.getQuery()).getOrderingProperties())
        .extracting(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName())
        .containsExactly("DUE_DATE_ asc", "CREATE_TIME_ asc");
  }

  @Test
  void filtersReturnTheTasksOfTheRightUsers() {
    repositoryService.createDeployment().name("identity-test")
        .addModelInstance("identity-test-payment.bpmn", Bpmn.createExecutableProcess("identity-test-payment")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_ApprovePayment").camundaCandidateGroups("finance-officers")
            .endEvent()
            .done())
        .addModelInstance("identity-test-city.bpmn", Bpmn.createExecutableProcess("identity-test-city")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_TellUsAboutYourCity").name("Tell us about your city").camundaCandidateGroups("city-lyon")
            .endEvent()
            .done())
        .deploy();
    String grant = runtimeService.startProcessInstanceByKey("identity-test-payment", "CG-TEST-LYON",
        Map.of("coach", "coach1", "grantReference", "CG-TEST-LYON", "cityName", "Lyon")).getId();
    // a coach reads the tasks of the grants assigned to them only (granted when the coach is assigned)
    grantAccess.grantCoach(grant, "coach1", null);
    // a task offered to a city's group (the engine grants the group TASK_WORK on it)
    Task cityTask = taskService.createTaskQuery()
        .processInstanceId(runtimeService.startProcessInstanceByKey("identity-test-city").getId()).singleResult();

    assertThat(grantTasks("finance1", "Payments to approve", null, grant)).hasSize(1);
    assertThat(grantTasks("finance2", "My group tasks", null, grant)).hasSize(1);
    assertThat(grantTasks("lyon", "My group tasks", null, grant)).isEmpty();
    assertThat(grantTasks("coach1", "Coach: my cities' tasks", "coach1", grant)).hasSize(1);
    assertThat(grantTasks("coach2", "Coach: my cities' tasks", "coach2", grant)).isEmpty();
    assertThat(grantTasks("manager", "All open tasks", null, grant)).hasSize(1);

    assertThat(cityTasks("lyon", "My group tasks", cityTask.getId())).hasSize(1);
    assertThat(cityTasks("tampere", "My group tasks", cityTask.getId())).isEmpty();
    assertThat(cityTasks("lyon", "My tasks", cityTask.getId())).isEmpty();
    taskService.claim(cityTask.getId(), "lyon");
    assertThat(cityTasks("lyon", "My tasks", cityTask.getId())).hasSize(1);
    assertThat(cityTasks("lyon", "My group tasks", cityTask.getId()))
        .as("claimed tasks stay in the group list").hasSize(1);
    assertThat(cityTasks("finance1", "My tasks", cityTask.getId())).isEmpty();

    String payment = taskService.createTaskQuery().processInstanceId(grant).singleResult().getId();
    taskService.claim(payment, "finance2");
    assertThat(grantTasks("finance1", "Payments to approve", null, grant)).as("assigned included").hasSize(1);
  }

  @Test
  void seedingAgainCreatesNothing() {
    assertThat(seeder.seed().total()).isZero();
    assertThat(seeder.seed()).isEqualTo(new DemoIdentitySeeder.SeedResult(0, 0, 0, 0, 0));
    assertThat(filterService.createTaskFilterQuery().filterName("My tasks").count()).isEqualTo(1);
    assertThat(filterService.createTaskFilterQuery().filterName("Coach: my cities' tasks").list())
        .extracting(Filter::getOwner).containsExactlyInAnyOrder("coach1", "coach2");
    assertThat(identityService.createUserQuery().memberOfGroup("finance-officers").count()).isEqualTo(2);
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("city-lyon")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).isEqualTo(1);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private boolean allowed(String userId, org.camunda.bpm.engine.authorization.Permission permission,
      Resources resource, String resourceId) {
    return authorizationService.isUserAuthorized(userId, groupsOf(userId), permission, resource, resourceId);
  }

  private Filter filter(String name, String owner) {
    return filterService.createTaskFilterQuery().filterName(name).list().stream()
        .filter(f -> java.util.Objects.equals(f.getOwner(), owner)).findFirst().orElseThrow();
  }

  /** The filter's tasks as the user sees them, narrowed to one process instance. */
  private List<Task> grantTasks(String userId, String filterName, String owner, String processInstanceId) {
    return as(userId, () -> filterService.list(filter(filterName, owner).getId(),
        taskService.createTaskQuery().processInstanceId(processInstanceId)));
  }

  private List<Task> cityTasks(String userId, String filterName, String taskId) {
    return as(userId, () -> filterService.list(filter(filterName, null).getId(),
        taskService.createTaskQuery().taskId(taskId)));
  }

  private <T> T as(String userId, Supplier<T> call) {
    identityService.setAuthentication(userId, groupsOf(userId));
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
