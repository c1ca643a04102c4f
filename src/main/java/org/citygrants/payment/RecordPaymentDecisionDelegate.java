package org.citygrants.payment;

import org.citygrants.language.Words;
import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * The second finance officer's decision. The ledger enforces four eyes: whoever requested the
 * payment cannot approve it, and Tasklist shows them why.
 */
@Component
public class RecordPaymentDecisionDelegate implements JavaDelegate {

  private final LedgerService ledger;
  private final GrantRegister register;
  private final CurrentActor actor;

  public RecordPaymentDecisionDelegate(LedgerService ledger, GrantRegister register, CurrentActor actor) {
    this.ledger = ledger;
    this.register = register;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String approver = actor.requireUser(PAYMENT_APPROVED.name());
    String paymentKey = Payment.key(register.of(execution).grantReference(), PAYMENT_MILESTONE.require(execution));
    boolean approved = Boolean.TRUE.equals(PAYMENT_APPROVED.get(execution));
    if (approved) {
      try {
        ledger.approvePayment(paymentKey, approver, LedgerContexts.of(execution, approver, "payment approved"));
      } catch (LedgerException refused) {
        // in words, with the names of the people it mentions ("You requested the advance yourself, ...")
        throw new InputRejectedException(PAYMENT_APPROVED.name(), LedgerRefusals.inWords(refused));
      }
      PAYMENT_APPROVED_BY.set(execution, approver);
    } else {
      String query = PAYMENT_QUERY.get(execution);
      if (query == null || query.isBlank()) {
        throw new InputRejectedException(PAYMENT_QUERY.name(), Words.say("refused.payment.query"));
      }
      LedgerRefusals.asRefusalOf(PAYMENT_APPROVED.name(), () -> ledger.rejectPayment(paymentKey, approver, query,
          LedgerContexts.of(execution, approver, query)));
    }
  }
}
