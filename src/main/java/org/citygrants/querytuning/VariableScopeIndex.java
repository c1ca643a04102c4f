package org.citygrants.querytuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the variable scope of the engine's runtime variables (issue 17), on H2 and
 * PostgreSQL. Tasklist's list embeds the filter's variable columns of the page's tasks, which the
 * engine's REST API asks in one variable query by scope ({@code VAR_SCOPE_ IN} the tasks',
 * executions' and process instances' ids, FilterResourceImpl); Camunda 7.24 has no index on
 * {@code VAR_SCOPE_}, so that query scanned every runtime variable (330,000 rows at 10,000 grants).
 *
 * <p>Made once the engine has created or checked its tables (after the engine is built), if it is
 * not there yet: a statement of the application, not a migration, because the engine's tables are
 * the engine's (a database of the ledger alone has none) and an engine upgrade never meets an index
 * named {@code CG_}. A failure is logged and changes nothing else: the index speeds a query up, the
 * answers do not depend on it. {@code WholeGrantOnPostgresTest} checks the plan uses it.
 */
@Component
public class VariableScopeIndex extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(VariableScopeIndex.class);

  static final String CREATE =
      "CREATE INDEX IF NOT EXISTS CG_IDX_VARIABLE_SCOPE_NAME ON ACT_RU_VARIABLE (VAR_SCOPE_, NAME_)";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = engine.getProcessEngineConfiguration();
    String type = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) configuration).getDatabaseType();
    if (!"postgres".equals(type) && !"h2".equals(type)) {
      LOG.info("No variable scope index on {}: made on H2 and PostgreSQL only", type);
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("The variable scope index was not made (Tasklist's variable columns stay slower): {}", e.toString());
    }
  }
}
