package org.citygrants.querytuning;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist's task lists and counts with authorisations on, asked so that PostgreSQL can answer
 * them at programme scale. The engine joins the signed-in user's authorisations to the tasks on
 * {@code RESOURCE_ID_ IN (task id, definition key, '*')}; PostgreSQL runs that join as a nested
 * loop of every task against every authorisation row of the user. Staff who are candidates on
 * thousands of tasks (officers, finance) then wait seconds for an unfiltered list: 8-9 s for an
 * officer's "All open tasks" at 10,000 grants. This plugin asks the same question as three EXISTS
 * (README, Performance): the '*' grant once, the definition key per definition, the task's own
 * grants by index.
 *
 * <p>It does not copy the engine's query. At start-up it reads the engine's own
 * {@code Task.xml}, takes its task query (list, count and criteria), keeps the authorisation join
 * only for a query of one task by id (the completion path, where the join was measured faster),
 * puts the EXISTS check ({@code org/citygrants/db/task-query-exists-authorization.xml}) in place
 * of the engine's check for every other query, and maps the engine's two statements to the
 * result. When the engine's mapping does not have the expected shape (another Camunda version),
 * it logs a warning and leaves the engine's statements in use. On other databases nothing
 * changes. With revoke authorisations in use, the engine's own check is used.
 * {@code WholeGrantOnPostgresTest} checks that users see the same tasks both ways.
 */
@Component
public class TaskQueryExistsAuthorization extends EngineStatementRewrite {

  static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String TEMPLATE = "org/citygrants/db/task-query-exists-authorization.xml";
  static final String NAMESPACE = "org.citygrants.db.TaskQueryExistsAuthorization";
  public static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", "selectTaskByQueryCriteriaWithExistsAuthorization",
      "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteriaWithExistsAuthorization");

  private static final Pattern AUTH_JOIN = Pattern.compile(
      "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
          + "\\.authCheckJoinWithoutOnClause\"\\s*/>\\s*AUTH ON \\(AUTH\\.RESOURCE_ID_ [^\\n]*RES\\.ID_[^\\n]*D\\.KEY_[^\\n]*\\)");
  private static final String CONTEXTUAL_CHECK =
      "<include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />";

  public TaskQueryExistsAuthorization() {
    super(ENGINE_MAPPING, TEMPLATE, NAMESPACE, STATEMENTS, "Task queries");
  }

  @Override
  protected String rewrite(String engine, String template) {
    return mapper(engine, template);
  }

  /** Switches the EXISTS check on or off (tests and the benchmark compare both). */
  public static void use(DbSqlSessionFactory factory, boolean exists) {
    switchStatements(factory, STATEMENTS, exists);
  }

  /** The template with the engine's task query in it, rewritten; fails when the engine's shape differs. */
  static String mapper(String engine, String template) {
    String criteria = element(engine, "sql", "selectTaskByQueryCriteriaSql");
    Matcher join = AUTH_JOIN.matcher(criteria);
    if (!join.find() || count(criteria, join.group()) != 1 || count(criteria, CONTEXTUAL_CHECK) != 1) {
      throw new IllegalStateException("the engine's task query does not have the expected authorisation join");
    }
    // a query for one task by id (the completion path: ProcessGateway reads the task and checks the
    // candidate) keeps the engine's join, measured faster there; lists and counts get EXISTS
    criteria = criteria.replaceFirst("<sql id=\"selectTaskByQueryCriteriaSql\">",
            "<sql id=\"selectTaskByQueryCriteriaSql\">\n    <bind name=\"existsAuthorization\" value=\"taskId == null\" />")
        .replace(join.group(), "<if test=\"!existsAuthorization\">" + join.group() + "</if>")
        .replace(CONTEXTUAL_CHECK, "<include refid=\"existsAuthorizationCheck\" />");
    String list = element(engine, "select", "selectTaskByQueryCriteria")
        .replace("id=\"selectTaskByQueryCriteria\"", "id=\"" + STATEMENTS.get("selectTaskByQueryCriteria") + "\"")
        .replace("resultMap=\"taskResultMap\"",
            "resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"");
    String count = element(engine, "select", "selectTaskCountByQueryCriteria")
        .replace("id=\"selectTaskCountByQueryCriteria\"",
            "id=\"" + STATEMENTS.get("selectTaskCountByQueryCriteria") + "\"");
    String engineQuery = element(engine, "sql", "columnSelection") + "\n" + criteria + "\n" + list + "\n" + count;
    return fill(template, TEMPLATE, "<!-- ENGINE TASK QUERY -->", engineQuery);
  }
}
