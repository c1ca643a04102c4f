package org.citygrants.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.springframework.stereotype.Component;

/** Shows the finance officer the grant's live figures before they request a payment. */
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
  }
}
