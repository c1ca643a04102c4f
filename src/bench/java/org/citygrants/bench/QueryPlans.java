package org.citygrants.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The PostgreSQL plans of Tasklist's queries, for README "Performance": while armed, records the
 * task list and count statements and the variable-column query the engine runs (the SQL MyBatis built and its parameters, as
 * executed), then runs each again under {@code EXPLAIN (ANALYZE, BUFFERS)} on the application's
 * data source. The benchmark writes the plans next to its results, so a slow filter shows why.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
    args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class QueryPlans implements Interceptor {

  /** A statement as run: its SQL is built inside the engine's command (it needs the engine's context). */
  record Captured(String statement, MappedStatement mapped, Object parameter, BoundSql bound) {}

  private final List<Captured> captured = new ArrayList<>();
  private volatile boolean armed;

  static QueryPlans install(ProcessEngineConfigurationImpl engine) {
    QueryPlans plans = new QueryPlans();
    engine.getSqlSessionFactory().getConfiguration().addInterceptor(plans);
    return plans;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (armed) {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String id = statement.getId();
      if (id.contains(".selectTaskByQueryCriteria") || id.contains(".selectTaskCountByQueryCriteria")
          || id.contains(".selectVariableInstanceByQueryCriteria")) {
        synchronized (captured) {
          Object parameter = invocation.getArgs()[1];
          captured.add(new Captured(id.substring(id.lastIndexOf('.') + 1), statement, parameter,
              statement.getBoundSql(parameter)));
        }
      }
    }
    return invocation.proceed();
  }

  @Override
  public Object plugin(Object target) {
    return target instanceof Executor ? org.apache.ibatis.plugin.Plugin.wrap(target, this) : target;
  }

  @Override
  public void setProperties(Properties properties) {}

  /** Records the task queries run by {@code action} (on this thread and others) and returns them. */
  List<Captured> capture(Runnable action) {
    synchronized (captured) {
      captured.clear();
    }
    armed = true;
    try {
      action.run();
    } finally {
      armed = false;
    }
    synchronized (captured) {
      return List.copyOf(captured);
    }
  }

  /** The statement's SQL and its plan with actual times, as PostgreSQL prints them. */
  static String explain(DataSource dataSource, Captured query) throws Exception {
    BoundSql bound = query.bound();
    StringBuilder out = new StringBuilder();
    out.append("-- ").append(query.statement()).append('\n').append(bound.getSql().replaceAll("\\s+", " ").trim())
        .append("\n\n");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + bound.getSql())) {
      new DefaultParameterHandler(query.mapped(), query.parameter(), bound).setParameters(explain);
      try (ResultSet plan = explain.executeQuery()) {
        while (plan.next()) {
          out.append(plan.getString(1)).append('\n');
        }
      }
    }
    return out.toString();
  }
}
