package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/** The tranche an accepted report releases: what restores the city's float, from the ledger. */
@Component
public class CalculateTrancheDelegate implements JavaDelegate {

  private final LedgerService ledger;

  public CalculateTrancheDelegate(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = GRANT_REFERENCE.require(execution);
    BigDecimal tranche = ledger.proposeTranche(reference);
    TRANCHE_AMOUNT.set(execution, tranche.doubleValue());
    TRANCHE_MILESTONE.set(execution, "tranche-" + EXPERIMENT_NUMBER.require(execution));
  }
}
