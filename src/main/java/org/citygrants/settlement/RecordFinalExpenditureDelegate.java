package org.citygrants.settlement;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/** The final report's other expenditure (learning activities, committee costs), accepted by the officer. */
@Component
public class RecordFinalExpenditureDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final CurrentActor actor;

  public RecordFinalExpenditureDelegate(LedgerService ledger, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    long other = OTHER_EXPENDITURE.getOrDefault(execution, 0L);
    if (other == 0) {
      return;
    }
    LedgerRefusals.asRefusalOf(OTHER_EXPENDITURE.name(), () -> ledger.reportExpenditure(reference,
        reference + ":final-report", BigDecimal.valueOf(other), true,
        LedgerContexts.of(execution, actor.userId(), "final report accepted")));
  }
}
