package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/** The tranche an accepted report releases: what restores the city's float, from the ledger. */
@Component
public class CalculateTrancheDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;

  public CalculateTrancheDelegate(LedgerService ledger, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    BigDecimal tranche = ledger.proposeTranche(reference);
    TRANCHE_AMOUNT.set(execution, tranche.doubleValue());
    TRANCHE_MILESTONE.set(execution, "tranche-" + EXPERIMENT_NUMBER.require(execution));
  }
}
