package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.PAYMENT_MILESTONE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.experiment.ExperimentLog;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentKind;
import org.citygrants.notification.GrantNotices;
import org.springframework.stereotype.Component;

/**
 * Tells the city team that the programme paid it: the amount and currency, what it is for (the
 * advance, the tranche of an accepted experiment report, the final balance) and what was paid so
 * far, all read from the ledger for the payment of this grant and milestone, never from variables.
 * A notice per payment and member: a retried job sends nothing twice.
 */
@Component
public class NotifyCityOfPaymentDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final ExperimentLog experiments;
  private final GrantNotices notices;

  public NotifyCityOfPaymentDelegate(GrantRegister register, LedgerService ledger, ExperimentLog experiments,
      GrantNotices notices) {
    this.register = register;
    this.ledger = ledger;
    this.experiments = experiments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrantRecord grant = register.of(execution);
    String paymentKey = Payment.key(grant.grantReference(), PAYMENT_MILESTONE.require(execution));
    GrantStatement statement = ledger.statement(grant.grantReference());
    Payment payment = statement.payments().stream().filter(p -> p.paymentKey().equals(paymentKey)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No payment " + paymentKey + " in the ledger"));
    Integer experimentNumber = payment.kind() == PaymentKind.TRANCHE ? experimentOf(payment.milestone()) : null;
    String experimentTitle = experimentNumber == null ? null
        : experiments.find(grant.grantReference(), experimentNumber).map(ExperimentLog.Experiment::title).orElse(null);
    notices.paymentMade(new GrantNotices.PaymentMade(grant.grantReference(), grant.cityCode(), grant.cityName(),
        paymentKey, payment.kind(), payment.amount(), statement.currency(), statement.paid(), statement.awarded(),
        experimentNumber, experimentTitle));
  }

  /** "tranche-2" is the tranche of experiment 2 (experiment.CalculateTrancheDelegate names them so). */
  private static Integer experimentOf(String milestone) {
    String digits = milestone == null ? "" : milestone.replaceAll("^tranche-", "");
    return digits.matches("\\d{1,9}") ? Integer.valueOf(digits) : null;
  }
}
