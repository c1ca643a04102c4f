package org.citygrants.experiment;

import java.util.Locale;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Money;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * An experiment is planned within what its budget line has left: on {@code complete} of
 * Task_PlanExperiment the budget is refused above the capital the grant can still commit to
 * experiments, from the ledger (the same figure the form shows as available capital). The ledger
 * checks again when the coach approves and the budget is committed.
 */
@Component
public class CheckExperimentBudgetListener implements TaskListener {

  private final GrantRegister register;
  private final LedgerService ledger;

  public CheckExperimentBudgetListener(LedgerService ledger, GrantRegister register) {
    this.ledger = ledger;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    Long budget = EXPERIMENT_BUDGET.get(task.getExecution());
    if (budget == null) {
      return; // the form's own rules say whether it is required
    }
    String reference = register.of(task.getExecution()).grantReference();
    GrantStatement statement = LedgerRefusals.asRefusalOf(EXPERIMENT_BUDGET.name(), () -> ledger.statement(reference));
    BigDecimal available = ExperimentCapital.available(statement);
    if (BigDecimal.valueOf(budget).compareTo(available) > 0) {
      Locale language = ReaderLanguage.current();
      throw new InputRejectedException(EXPERIMENT_BUDGET.name(), Words.say(language, "refused.experiment.budgetAboveLine",
          Words.amount(available, statement.currency(), language), Words.amount(statement.awarded(), statement.currency(), language)));
    }
  }
}
