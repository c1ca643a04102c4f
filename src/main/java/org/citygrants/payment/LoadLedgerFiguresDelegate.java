package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.Languages;
import org.springframework.stereotype.Component;

/**
 * Prepares the finance officer's request: the grant's live figures, the milestone in words (in each language), and
 * the amount to pay prefilled with the proposed amount, so the officer changes only what differs.
 */
@Component
public class LoadLedgerFiguresDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerFiguresPublisher figures;
  private final Languages languages;

  public LoadLedgerFiguresDelegate(LedgerFiguresPublisher figures, GrantRegister register, Languages languages) {
    this.register = register;
    this.figures = figures;
    this.languages = languages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    figures.publish(execution, register.of(execution).grantReference());
    String milestone = PAYMENT_MILESTONE.get(execution);
    PAYMENT_MILESTONE_LABEL.set(execution, languages.supported(), language -> PaymentCalendar.milestoneLabel(milestone, language));
    Double proposed = PROPOSED_PAYMENT_AMOUNT.get(execution);
    if (PAYMENT_AMOUNT.get(execution) == null && proposed != null) {
      PAYMENT_AMOUNT.set(execution, proposed);
    }
  }
}
