package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/**
 * Records the disbursement of an approved payment. The ledger disburses a payment key once: a
 * retried job or a second node running the same step finds it disbursed and changes nothing.
 */
@Component
public class DisbursePaymentDelegate implements JavaDelegate {

  private final LedgerService ledger;
  private final CurrentActor actor;

  public DisbursePaymentDelegate(LedgerService ledger, CurrentActor actor) {
    this.ledger = ledger;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.disburse(PAYMENT_KEY.require(execution), LedgerContexts.of(execution, actor.userId(), "payment disbursed"));
  }
}
