package org.citygrants.payment;

import java.util.Locale;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import static org.citygrants.process.PaymentProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.InsufficientCapitalException;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Money;
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
      throw new InputRejectedException(PAYMENT_AMOUNT.name(), Words.say("refused.payment.notPositive"));
    }
    String reference = register.of(execution).grantReference();
    // exactly what was entered: the ledger refuses more than two decimals, nothing is rounded
    BigDecimal euros = BigDecimal.valueOf(amount);
    PaymentKind kind = PaymentKind.valueOf(PAYMENT_KIND.require(execution));
    Payment payment;
    try {
      payment = ledger.requestPayment(reference, PAYMENT_MILESTONE.require(execution), kind, euros, requester,
          LedgerContexts.of(execution, requester, PAYMENT_NOTE.getOrDefault(execution, "payment requested")));
    } catch (InsufficientCapitalException beyondWhatMayBePaid) {
      // a tranche's refusal says what was committed; another payment's, how much the grant has left to pay
      throw kind == PaymentKind.TRANCHE
          ? new InputRejectedException(PAYMENT_AMOUNT.name(), LedgerRefusals.inWords(beyondWhatMayBePaid))
          : leftToPay(reference);
    } catch (LedgerException refused) {
      throw new InputRejectedException(PAYMENT_AMOUNT.name(), LedgerRefusals.inWords(refused));
    }
    PAYMENT_KEY.set(execution, payment.paymentKey());
    PAYMENT_REQUESTED_BY.set(execution, requester);
    PAYMENT_REQUESTED_BY_NAME.set(execution, people.displayName(requester));
    figures.publish(execution, reference);
  }

  /** A payment beyond the award: the field, by its label, and how much the grant has left to pay. */
  private InputRejectedException leftToPay(String reference) {
    GrantStatement grant = ledger.statement(reference);
    BigDecimal left = grant.awarded().subtract(grant.paid()).subtract(grant.pendingPayments()).max(BigDecimal.ZERO);
    Locale language = ReaderLanguage.current();
    String currency = grant.currency();
    return new InputRejectedException(PAYMENT_AMOUNT.name(), Words.say(language, "refused.payment.leftToPay",
        Words.amount(left, currency, language), Words.amount(grant.awarded(), currency, language),
        Words.amount(grant.paid(), currency, language), Words.amount(grant.pendingPayments(), currency, language)));
  }
}
