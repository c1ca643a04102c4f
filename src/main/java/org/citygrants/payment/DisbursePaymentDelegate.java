package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/**
 * Records the disbursement of an approved payment, found by its grant (from the register) and
 * milestone, never by a key a variable could carry. The ledger disburses a payment key once: a
 * retried job or a second node running the same step finds it disbursed and changes nothing.
 */
@Component
public class DisbursePaymentDelegate implements JavaDelegate {

  private final LedgerService ledger;
  private final GrantRegister register;
  private final CurrentActor actor;

  public DisbursePaymentDelegate(LedgerService ledger, GrantRegister register, CurrentActor actor) {
    this.ledger = ledger;
    this.register = register;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String paymentKey = Payment.key(register.of(execution).grantReference(), PAYMENT_MILESTONE.require(execution));
    ledger.disburse(paymentKey, LedgerContexts.of(execution, actor.userId(), "payment disbursed"));
  }
}
