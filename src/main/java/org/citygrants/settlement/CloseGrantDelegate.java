package org.citygrants.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/** Closes the grant's capital: the ledger accepts no further movement on it. */
@Component
public class CloseGrantDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final CurrentActor actor;

  public CloseGrantDelegate(LedgerService ledger, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.closeGrant(register.of(execution).grantReference(), LedgerContexts.of(execution, actor.userId(), "grant settled"));
  }
}
