package org.citygrants.settlement;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Settlement;
import org.springframework.stereotype.Component;

/** Paid against accepted expenditure: a final balance to pay, unspent money to recover, or nothing. */
@Component
public class ComputeSettlementDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;

  public ComputeSettlementDelegate(LedgerService ledger, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Settlement settlement = ledger.computeSettlement(register.of(execution).grantReference());
    SETTLEMENT_OUTCOME.set(execution, settlement.outcome().name());
    SETTLEMENT_AMOUNT.set(execution, settlement.amount().doubleValue());
  }
}
