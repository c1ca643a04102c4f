package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.springframework.stereotype.Component;

/**
 * Prepares the finance officer's request: the grant's live figures, the milestone in words, and
 * the amount to pay prefilled with the proposed amount, so the officer changes only what differs.
 */
@Component
public class LoadLedgerFiguresDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerFiguresPublisher figures;

  public LoadLedgerFiguresDelegate(LedgerFiguresPublisher figures, GrantRegister register) {
    this.register = register;
    this.figures = figures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    figures.publish(execution, register.of(execution).grantReference());
    PAYMENT_MILESTONE_LABEL.set(execution, milestoneInWords(PAYMENT_MILESTONE.get(execution)));
    Double proposed = PROPOSED_PAYMENT_AMOUNT.get(execution);
    if (PAYMENT_AMOUNT.get(execution) == null && proposed != null) {
      PAYMENT_AMOUNT.set(execution, proposed);
    }
  }

  /** "advance" as "Advance", "tranche-2" as "Tranche 2", "final-balance" as "Final balance". */
  public static String milestoneInWords(String milestone) {
    if (milestone == null || milestone.isBlank()) {
      return milestone;
    }
    String words = milestone.replace('-', ' ').strip();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
