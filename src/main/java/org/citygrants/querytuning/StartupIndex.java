package org.citygrants.querytuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index of the application on one of the engine's tables, made once the engine has created or
 * checked its tables (after the engine is built), if it is not there yet, on H2 and PostgreSQL. A
 * statement of the application, not a migration, because the engine's tables are the engine's (a
 * database of the ledger alone has none) and an engine upgrade never meets an index named
 * {@code CG_}. A failure is logged and changes nothing else: an index speeds queries up, their
 * answers do not depend on it.
 */
abstract class StartupIndex extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(StartupIndex.class);

  /** {@code CREATE INDEX IF NOT EXISTS CG_... ON ...}: the same words on H2 and PostgreSQL. */
  abstract String createStatement();

  /** What stays slower without it, for the log. */
  abstract String withoutIt();

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String type = configuration.getDatabaseType();
    if (!"postgres".equals(type) && !"h2".equals(type)) {
      LOG.info("{} not made on {}: made on H2 and PostgreSQL only", getClass().getSimpleName(), type);
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute(createStatement());
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("{} was not made ({}): {}", getClass().getSimpleName(), withoutIt(), e.toString());
    }
  }
}
