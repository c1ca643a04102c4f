package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * Registers the payment request in the ledger under its business key (grant + milestone), with
 * the requesting finance officer, who then cannot approve it.
 */
@Component
public class RegisterPaymentRequestDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final LedgerFiguresPublisher figures;
  private final CurrentActor actor;
  private final NotificationRecipients people;

  public RegisterPaymentRequestDelegate(LedgerService ledger, LedgerFiguresPublisher figures, CurrentActor actor,
      GrantRegister register, NotificationRecipients people) {
    this.people = people;
    this.register = register;
    this.ledger = ledger;
    this.figures = figures;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = actor.requireUser(PAYMENT_AMOUNT.name());
    Double amount = PAYMENT_AMOUNT.get(execution);
    if (amount == null || amount <= 0) {
      throw new InputRejectedException(PAYMENT_AMOUNT.name(), "'Amount to pay' must be more than zero.");
    }
    String reference = register.of(execution).grantReference();
    // exactly what was entered: the ledger refuses more than two decimals, nothing is rounded
    BigDecimal euros = BigDecimal.valueOf(amount);
    Payment payment = LedgerRefusals.asRefusalOf(PAYMENT_AMOUNT.name(), () -> ledger.requestPayment(reference,
        PAYMENT_MILESTONE.require(execution), PaymentKind.valueOf(PAYMENT_KIND.require(execution)), euros, requester,
        LedgerContexts.of(execution, requester, PAYMENT_NOTE.getOrDefault(execution, "payment requested"))));
    PAYMENT_KEY.set(execution, payment.paymentKey());
    PAYMENT_REQUESTED_BY.set(execution, requester);
    PAYMENT_REQUESTED_BY_NAME.set(execution, people.displayName(requester));
    figures.publish(execution, reference);
  }
}
