package org.citygrants.querytuning;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist's variable columns with authorisations on, asked so that PostgreSQL can answer them at
 * programme scale (issue 17). For each page of tasks, the engine's REST API asks the filter's
 * variable columns in one variable instance query as the user; the engine left-joins the user's
 * authorisation rows to the variables on {@code RESOURCE_ID_ IN (process instance, definition key,
 * task, '*')}, which PostgreSQL plans as a sequential scan of the authorisation table and a nested
 * loop: 95-270 ms p95 per page at 10,000 grants, more than the task list itself. This plugin asks
 * the same question as EXISTS by index ({@code org/citygrants/db/variable-query-exists-authorization.xml}).
 *
 * <p>As {@link TaskQueryExistsAuthorization}, it does not copy the engine's query: at start-up it
 * reads the engine's own {@code VariableInstance.xml}, takes its variable query (list, count,
 * criteria), leaves the authorisation join out and puts the EXISTS check in place of the engine's,
 * and maps the engine's two statements to the result. When the engine's mapping does not have the
 * expected shape (another Camunda version), it logs a warning and the engine's statements stay in
 * use. With revoke authorisations in use for the user, the engine's check applies. Other databases
 * keep the engine's statements. {@code WholeGrantOnPostgresTest} checks that users see the same
 * variables both ways.
 */
@Component
public class VariableQueryExistsAuthorization extends EngineStatementRewrite {

  static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";
  static final String ENGINE_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity";
  static final String TEMPLATE = "org/citygrants/db/variable-query-exists-authorization.xml";
  static final String NAMESPACE = "org.citygrants.db.VariableQueryExistsAuthorization";
  public static final Map<String, String> STATEMENTS = Map.of(
      "selectVariableInstanceByQueryCriteria", "selectVariableInstanceByQueryCriteriaWithExistsAuthorization",
      "selectVariableInstanceCountByQueryCriteria", "selectVariableInstanceCountByQueryCriteriaWithExistsAuthorization");

  private static final Pattern AUTH_JOIN = Pattern.compile(
      "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
          + "\\.authCheckJoinWithoutOnClause\"\\s*/>\\s*AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart}\\s*"
          + "RES\\.PROC_INST_ID_\\s*\\$\\{authJoinSeparator} PROC_EXECUTION\\.ID_\\s*\\$\\{authJoinSeparator} PROCDEF\\.KEY_"
          + "\\s*\\$\\{authJoinSeparator} RES\\.TASK_ID_\\s*\\$\\{authJoinSeparator} '\\*'\\s*\\$\\{authJoinEnd}\\s*\\)");
  private static final String CONTEXTUAL_CHECK =
      "<include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />";

  public VariableQueryExistsAuthorization() {
    super(ENGINE_MAPPING, TEMPLATE, NAMESPACE, STATEMENTS, "Variable queries");
  }

  @Override
  protected String rewrite(String engine, String template) {
    return mapper(engine, template);
  }

  /** Switches the EXISTS check on or off (tests and the benchmark compare both). */
  public static void use(DbSqlSessionFactory factory, boolean exists) {
    switchStatements(factory, STATEMENTS, exists);
  }

  /** The template with the engine's variable query in it, rewritten; fails when the engine's shape differs. */
  static String mapper(String engine, String template) {
    String criteria = element(engine, "sql", "selectVariableInstanceByQueryCriteriaSql");
    Matcher join = AUTH_JOIN.matcher(criteria);
    if (!join.find() || count(criteria, join.group()) != 1 || count(criteria, CONTEXTUAL_CHECK) != 1) {
      throw new IllegalStateException("the engine's variable query does not have the expected authorisation join");
    }
    criteria = criteria.replace(join.group(), "")
        .replace(CONTEXTUAL_CHECK, "<include refid=\"existsAuthorizationCheck\" />");
    String resultMap = "resultMap=\"" + ENGINE_NAMESPACE + ".variableInstanceResultMap\"";
    String list = element(engine, "select", "selectVariableInstanceByQueryCriteria")
        .replace("id=\"selectVariableInstanceByQueryCriteria\"",
            "id=\"" + STATEMENTS.get("selectVariableInstanceByQueryCriteria") + "\"")
        .replace("resultMap=\"variableInstanceResultMap\"", resultMap);
    String count = element(engine, "select", "selectVariableInstanceCountByQueryCriteria")
        .replace("id=\"selectVariableInstanceCountByQueryCriteria\"",
            "id=\"" + STATEMENTS.get("selectVariableInstanceCountByQueryCriteria") + "\"");
    if (!list.contains(resultMap)) {
      throw new IllegalStateException("the engine's variable query does not have the expected result map");
    }
    String engineQuery = element(engine, "sql", "actInstIdColumn") + "\n" + criteria + "\n" + list + "\n" + count;
    return fill(template, TEMPLATE, "<!-- ENGINE VARIABLE QUERY -->", engineQuery);
  }
}
