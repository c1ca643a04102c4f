package org.citygrants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citygrants.process.CityGrantProcess.Elements.*;
import static org.citygrants.support.FormData.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.querytuning.TaskQueryExistsAuthorization;
import org.citygrants.querytuning.VariableQueryExistsAuthorization;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.citygrants.support.OwnApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One whole grant on a real PostgreSQL (embedded, no Docker), every task completed as the user
 * it is routed to, ending with a ledger statement that balances to the cent. Its own Spring
 * context (another database), kept open until the end of the run like the others: closing an
 * engine's context in mid-run (@DirtiesContext) leaves the webapps of the contexts still open
 * without their engine (500 on the Tasklist sign-in).
 */
@Tag(OwnApplication.TAG)
class WholeGrantOnPostgresTest extends LifecycleTest {

  private static final EmbeddedPostgres POSTGRES = start();

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }


  @Test
  void aWholeGrantRunsOnPostgresAndItsStatementBalances() {
    String grant = grantWithApprovedActivities();
    journey.fireTimer(grant, PROGRESS_REPORT_DUE);
    journey.complete(grant, SUBMIT_PROGRESS_REPORT, CITY, progressReport());
    journey.complete(grant, REVIEW_PROGRESS_REPORT, OFFICER, progressReview(true));
    runExperiment(grant, 20000, 18000, true, "pivot", false);
    runExperiment(grant, 8000, 8000, false, "persevere", true);
    transition(grant, 2000);
    // accepted 28,000 against 12,000 advance + 18,000 + 8,000 tranches = 38,000 paid: recover 10,000
    journey.complete(grant, org.citygrants.process.PaymentProcess.Elements.CONFIRM_RECOVERY_RECEIVED, FINANCE_APPROVER,
        of("recoveryReceived", true, "recoveryReceivedDate", inDays(0), "recoveryNote", "Received on the programme account"));
    journey.fireTimer(grant, FOLLOW_UP_DUE);
    journey.complete(grant, REPORT_FOLLOW_UP, CITY, followUp());

    assertThat(journey.endedAt(grant, GRANT_COMPLETED)).isTrue();
    GrantStatement statement = ledger.statement(grant);
    assertThat(statement.balanced()).as(statement.imbalances().toString()).isTrue();
    assertThat(statement.paid()).isEqualByComparingTo(new BigDecimal("38000.00"));
    assertThat(statement.recovered()).isEqualByComparingTo(new BigDecimal("10000.00"));
    assertThat(statement.reportedSpent()).isEqualByComparingTo(new BigDecimal("28000.00"));
    assertThat(statement.cityFloat()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Autowired ProcessEngine engine;

  /** AuthorizedGroupIdsLooseScan: on PostgreSQL the engine asks its loose index scan, which answers the same. */
  @Test
  void theGroupsHoldingAuthorisationsComeFromTheLooseIndexScanWithTheEnginesAnswer() {
    String grant = grantWithApprovedActivities();
    assertThat(grant).isNotNull();
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo("selectAuthorizedGroupIdsLooseIndexScan");
    Set<String> engines = groups(configuration, "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
        + ".selectAuthorizedGroupIds");
    Set<String> loose = groups(configuration, "selectAuthorizedGroupIdsLooseIndexScan");
    assertThat(loose).contains("city-lyon", "coaches", "finance-officers").isEqualTo(engines);
  }

  /**
   * Tasklist's variable columns are asked by variable scope (the page's task, execution and process
   * instance ids: FilterResourceImpl); the application's index on ACT_RU_VARIABLE (VAR_SCOPE_,
   * NAME_) (`querytuning.VariableScopeIndex`) answers that shape instead of a scan of every runtime variable. On this
   * small database PostgreSQL would scan anyway, so sequential scans are priced out for the check:
   * without the index the plan is still a scan.
   */
  @Test
  void tasklistsVariableColumnsAreReadThroughTheScopeIndex() throws Exception {
    String grant = grantInPreparation();
    assertThat(grant).isNotNull();
    List<Task> page = taskService.createTaskQuery().processInstanceBusinessKey(grant).list();
    assertThat(page).isNotEmpty();
    Task task = page.get(0);
    try (var connection = POSTGRES.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      try (var rs = statement.executeQuery("EXPLAIN SELECT * FROM act_ru_variable WHERE var_scope_ IN ('"
          + task.getId() + "', '" + task.getExecutionId() + "', '" + task.getProcessInstanceId()
          + "') AND name_ IN ('grantReference', 'cityName')")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).containsIgnoringCase("cg_idx_variable_scope_name");
    }
  }

  /**
   * The rows that grant a person something ({@code USER_ID_ IN (user, '*') OR GROUP_ID_ IN (groups)},
   * asked by every Tasklist list, count and variable query with the EXISTS checks) are read through
   * the application's index on the user (`querytuning.AuthorizationUserIndex`) and the engine's on
   * the group, not by a scan of every authorisation (sequential scans priced out, as above; the
   * check on TYPE_ left out, which this small table would rather answer from the engine's unique
   * index that starts with it).
   */
  @Test
  void theRowsGrantingAPersonAreReadThroughTheUserAndGroupIndexes() throws Exception {
    try (var connection = POSTGRES.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      try (var rs = statement.executeQuery("EXPLAIN SELECT A.RESOURCE_ID_ FROM act_ru_authorization A"
          + " WHERE A.USER_ID_ IN ('coach1', '*') OR A.GROUP_ID_ IN ('coaches')")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).containsIgnoringCase("cg_idx_auth_user_id").containsIgnoringCase("act_idx_auth_group_id");
    }
  }

  /**
   * TaskQueryExistsAuthorization: on PostgreSQL Tasklist's task lists and counts check the
   * authorisations with EXISTS; every user sees the same tasks, in the same order, as with the
   * engine's join, in queries with and without criteria.
   */
  @Test
  void taskQueriesWithTheExistsCheckShowEveryUserTheTasksOfTheEnginesJoin() {
    String awarded = applyAndAward(30000);                 // coach assignment: a manager's task
    String preparing = grantInPreparation();               // four tasks of the city
    String committee = grantWithApprovedActivities();      // open payment work and a coach
    journey.apply("tampere", application("impact"));       // another city's application
    assertThat(List.of(awarded, preparing, committee)).doesNotContainNull();
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo("selectTaskByQueryCriteriaWithExistsAuthorization");
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo("selectTaskCountByQueryCriteriaWithExistsAuthorization");

    Map<String, Function<TaskQuery, TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all open tasks", q -> q);
    queries.put("my group tasks", q -> q.taskCandidateGroupIn(List.of("city-lyon", "city-tampere", "coaches",
        "finance-officers", "programme-officers", "programme-managers")).includeAssignedTasks());
    queries.put("coach's grants", q -> q.processVariableValueEquals("coach", COACH));
    queries.put("payments", q -> q.taskDefinitionKeyIn("Task_RequestPayment", "Task_ApprovePayment"));
    queries.put("assigned", q -> q.taskAssigned());
    for (Task task : taskService.createTaskQuery().list()) { // one task by id: the engine's join, kept
      queries.put("task " + task.getTaskDefinitionKey() + " by id", q -> q.taskId(task.getId()));
    }
    int compared = 0;
    for (String user : List.of(CITY, "tampere", COACH, "coach2", FINANCE_REQUESTER, OFFICER, MANAGER, "nobody")) {
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      for (Map.Entry<String, Function<TaskQuery, TaskQuery>> query : queries.entrySet()) {
        Object[] exists = visibleTasks(configuration, user, groups, query.getValue(), true);
        Object[] join = visibleTasks(configuration, user, groups, query.getValue(), false);
        assertThat(exists).as("%s: %s (task ids, count)", user, query.getKey()).isEqualTo(join);
        compared += ((List<?>) join[0]).size();
      }
    }
    assertThat(compared).as("tasks seen across users and queries").isGreaterThan(20);
    assertThat(visibleTasks(configuration, OFFICER, List.of("programme-officers"), q -> q, true)[1])
        .as("officers read every open task").isEqualTo(taskService.createTaskQuery().count());
    assertThat(visibleTasks(configuration, "nobody", List.of(), q -> q, true)[1]).isEqualTo(0L);
  }

  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  /**
   * VariableQueryExistsAuthorization: on PostgreSQL variable queries (Tasklist's variable columns
   * among them) check the authorisations with EXISTS; every user sees the same variables as with the
   * engine's join: by name and scope as Tasklist asks, by process instance, all of them.
   */
  @Test
  void variableQueriesWithTheExistsCheckShowEveryUserTheVariablesOfTheEnginesJoin() {
    String preparing = grantInPreparation();
    String committee = grantWithApprovedActivities();
    journey.apply("tampere", application("impact"));
    assertThat(List.of(preparing, committee)).doesNotContainNull();
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectVariableInstanceByQueryCriteria"))
        .isEqualTo("selectVariableInstanceByQueryCriteriaWithExistsAuthorization");

    List<Task> tasks = taskService.createTaskQuery().list();
    Set<String> scopes = new HashSet<>();
    tasks.forEach(t -> scopes.addAll(List.of(t.getId(), t.getExecutionId(), t.getProcessInstanceId())));
    Map<String, Function<VariableInstanceQuery, VariableInstanceQuery>> queries = new LinkedHashMap<>();
    queries.put("Tasklist's columns", q -> q.variableNameIn("grantReference", "cityName", "objectiveLabel",
        "paymentAmount", "paymentMilestoneLabel").variableScopeIdIn(scopes.toArray(String[]::new)));
    queries.put("all variables", q -> q);
    queries.put("one grant's", q -> q.processInstanceIdIn(tasks.get(0).getProcessInstanceId()));
    queries.put("task-local", q -> q.taskIdIn(tasks.stream().map(Task::getId).toArray(String[]::new)));
    int compared = 0;
    for (String user : List.of(CITY, "tampere", COACH, "coach2", FINANCE_REQUESTER, OFFICER, MANAGER, "nobody")) {
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      for (Map.Entry<String, Function<VariableInstanceQuery, VariableInstanceQuery>> query : queries.entrySet()) {
        Object[] exists = visibleVariables(configuration, user, groups, query.getValue(), true);
        Object[] join = visibleVariables(configuration, user, groups, query.getValue(), false);
        assertThat(exists).as("%s: %s (variable ids, count)", user, query.getKey()).isEqualTo(join);
        compared += ((List<?>) join[0]).size();
      }
    }
    assertThat(compared).as("variables seen across users and queries").isGreaterThan(100);
    assertThat(visibleVariables(configuration, "nobody", List.of(), q -> q, true)[1]).isEqualTo(0L);
  }

  private Object[] visibleVariables(ProcessEngineConfigurationImpl configuration, String user, List<String> groups,
      Function<VariableInstanceQuery, VariableInstanceQuery> criteria, boolean exists) {
    VariableQueryExistsAuthorization.use(configuration.getDbSqlSessionFactory(), exists);
    identityService.setAuthentication(user, groups);
    try {
      VariableInstanceQuery query = criteria.apply(engine.getRuntimeService().createVariableInstanceQuery()
          .disableBinaryFetching().disableCustomObjectDeserialization());
      List<String> ids = query.list().stream().map(VariableInstance::getId).sorted().toList();
      return new Object[] {ids, query.count()};
    } finally {
      identityService.clearAuthentication();
      VariableQueryExistsAuthorization.use(configuration.getDbSqlSessionFactory(), true);
    }
  }

  private Object[] visibleTasks(ProcessEngineConfigurationImpl configuration, String user, List<String> groups,
      Function<TaskQuery, TaskQuery> criteria, boolean exists) {
    TaskQueryExistsAuthorization.use(configuration.getDbSqlSessionFactory(), exists);
    identityService.setAuthentication(user, groups);
    try {
      TaskQuery query = criteria.apply(taskService.createTaskQuery()).orderByDueDate().asc().orderByTaskCreateTime().asc()
          .orderByTaskId().asc();
      return new Object[] {query.list().stream().map(Task::getId).toList(), query.count()};
    } finally {
      identityService.clearAuthentication();
      TaskQueryExistsAuthorization.use(configuration.getDbSqlSessionFactory(), true);
    }
  }

  private static Set<String> groups(ProcessEngineConfigurationImpl configuration, String statement) {
    List<String> ids = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getDbSqlSession().getSqlSession().selectList(statement));
    Set<String> set = new HashSet<>(ids);
    set.removeIf(Objects::isNull);
    return set;
  }
}
