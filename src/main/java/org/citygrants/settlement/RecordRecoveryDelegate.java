package org.citygrants.settlement;

import org.citygrants.language.Words;
import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Recovery;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/** The finance officer confirmed the city returned the unspent money. */
@Component
public class RecordRecoveryDelegate implements JavaDelegate {

  private final LedgerService ledger;
  private final GrantRegister register;
  private final CurrentActor actor;

  public RecordRecoveryDelegate(LedgerService ledger, GrantRegister register, CurrentActor actor) {
    this.ledger = ledger;
    this.register = register;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(RECOVERY_RECEIVED.get(execution))) {
      throw new InputRejectedException(RECOVERY_RECEIVED.name(), Words.say("refused.recovery.notReceived"));
    }
    String recoveryKey = Recovery.key(register.of(execution).grantReference());
    LedgerRefusals.asRefusalOf(RECOVERY_RECEIVED.name(), () -> ledger.confirmRecovery(recoveryKey,
        LedgerContexts.of(execution, actor.userId(), "recovery received")));
  }
}
