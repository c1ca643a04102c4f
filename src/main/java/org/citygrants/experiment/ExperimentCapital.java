package org.citygrants.experiment;

import java.math.BigDecimal;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.GrantStatement;

/** What a city can still commit to experiments: the grant's available capital, within the experiments budget line. */
final class ExperimentCapital {

  private ExperimentCapital() {}

  static BigDecimal available(GrantStatement statement) {
    BigDecimal line = statement.budgetLines().stream()
        .filter(l -> l.line() == BudgetLine.EXPERIMENTS)
        .map(GrantStatement.BudgetLineStatement::remaining)
        .findFirst().orElse(statement.available());
    return line.min(statement.available());
  }
}
