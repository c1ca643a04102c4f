package org.citygrants.querytuning;

import org.springframework.stereotype.Component;

/**
 * An index on the variable scope of the engine's runtime variables (issue 17). Tasklist's list
 * embeds the filter's variable columns of the page's tasks, which the engine's REST API asks in one
 * variable query by scope ({@code VAR_SCOPE_ IN} the tasks', executions' and process instances'
 * ids, FilterResourceImpl); Camunda 7.24 has no index on {@code VAR_SCOPE_}, so that query scanned
 * every runtime variable (330,000 rows at 10,000 grants). {@code WholeGrantOnPostgresTest} checks
 * the plan uses it.
 */
@Component
public class VariableScopeIndex extends StartupIndex {

  static final String CREATE =
      "CREATE INDEX IF NOT EXISTS CG_IDX_VARIABLE_SCOPE_NAME ON ACT_RU_VARIABLE (VAR_SCOPE_, NAME_)";

  @Override
  String createStatement() {
    return CREATE;
  }

  @Override
  String withoutIt() {
    return "Tasklist's variable columns stay slower";
  }
}
