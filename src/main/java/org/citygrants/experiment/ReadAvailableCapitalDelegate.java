package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/**
 * Shows the city, as it plans an experiment, the capital it can still commit (from the ledger) and
 * the hypotheses of its canvas to choose the one the experiment tests (not to retype it).
 */
@Component
public class ReadAvailableCapitalDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;

  public ReadAvailableCapitalDelegate(LedgerService ledger, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AVAILABLE_CAPITAL.set(execution, ExperimentCapital.available(ledger.statement(register.of(execution).grantReference())).doubleValue());
    HYPOTHESIS_OPTIONS.set(execution, Hypotheses.options(HYPOTHESES.get(execution)));
  }
}
