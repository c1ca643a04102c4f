package org.citygrants.preparation;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.citygrants.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The planning canvas plans within the award: on {@code complete} of Task_PlanExperimentation the
 * planned budget is refused above the grant's award as the ledger holds it (not the
 * {@code awardedAmount} variable the form shows), whatever the channel.
 */
@Component
public class CheckPlannedBudgetListener implements TaskListener {

  static final ProcessVariable<Number> PLANNED_BUDGET = ProcessVariable.of("plannedBudget", Number.class);

  private final GrantRegister register;
  private final LedgerService ledger;

  public CheckPlannedBudgetListener(LedgerService ledger, GrantRegister register) {
    this.ledger = ledger;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    Number planned = PLANNED_BUDGET.get(task.getExecution());
    if (planned == null) {
      return; // the form's own rules say whether it is required
    }
    String reference = register.of(task.getExecution()).grantReference();
    GrantStatement statement = LedgerRefusals.asRefusalOf(PLANNED_BUDGET.name(), () -> ledger.statement(reference));
    if (new BigDecimal(planned.toString()).compareTo(statement.awarded()) > 0) {
      throw new InputRejectedException(PLANNED_BUDGET.name(), Words.say("city.plannedBudget",
          Words.amount(statement.awarded(), statement.currency(), ReaderLanguage.current())));
    }
  }
}
