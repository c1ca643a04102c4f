package org.citygrants.querytuning;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * With authorisations on, the engine asks once per command (every Tasklist query, every task
 * completion) which groups hold any authorisation: {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}. That reads every row of a table that grows with each task and grant
 * (historic task and instance permissions stay after the task is done): at 10,000 grants, about
 * 90,000 rows and 70-120 ms per command on PostgreSQL, which has no skip scan. On PostgreSQL this
 * plugin maps the statement to the same question asked as a loose index scan (a recursive query
 * stepping from one group id to the next through the engine's index {@code ACT_IDX_AUTH_GROUP_ID}):
 * one index probe per distinct group, a few milliseconds. Same result (the engine only intersects
 * it with the user's groups; the NULL of user authorisations is left out). Measured by the
 * benchmark (README, Performance). Other databases keep the engine's statement.
 */
@Component
public class AuthorizedGroupIdsLooseScan extends AbstractProcessEnginePlugin {

  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final String LOOSE_SCAN_STATEMENT = "selectAuthorizedGroupIdsLooseIndexScan";
  private static final String MAPPER = "org/citygrants/db/authorized-group-ids-postgres.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(LOOSE_SCAN_STATEMENT)) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + MAPPER, e);
      }
    }
    use(configuration.getDbSqlSessionFactory(), true);
  }

  /** Switches the loose index scan on or off (the benchmark measures both). */
  public static void use(DbSqlSessionFactory factory, boolean looseScan) {
    EngineStatementRewrite.switchStatements(factory, Map.of(ENGINE_STATEMENT, LOOSE_SCAN_STATEMENT), looseScan);
  }
}
