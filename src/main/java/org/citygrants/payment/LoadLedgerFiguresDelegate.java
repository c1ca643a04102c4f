package org.citygrants.payment;

import static org.citygrants.process.CityGrantProcess.GRANT_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Shows the finance officer the grant's live figures before they request a payment. */
@Component
public class LoadLedgerFiguresDelegate implements JavaDelegate {

  private final LedgerFiguresPublisher figures;

  public LoadLedgerFiguresDelegate(LedgerFiguresPublisher figures) {
    this.figures = figures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    figures.publish(execution, GRANT_REFERENCE.require(execution));
  }
}
