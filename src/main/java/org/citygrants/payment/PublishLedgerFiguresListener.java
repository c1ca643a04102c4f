package org.citygrants.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shows the city the grant's live ledger figures on its report forms: on {@code create} of the
 * progress and final report tasks ({@code delegateExpression="${publishLedgerFiguresListener}"})
 * it publishes ledgerAwarded, ledgerCommitted, ledgerPaid, ledgerReportedSpent and
 * ledgerAvailable on the task's execution, refreshed each time the task is created (a reworked
 * report shows the figures of its resubmission). A grant without a ledger account shows no
 * figures rather than blocking its report.
 */
@Component("publishLedgerFiguresListener")
public class PublishLedgerFiguresListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(PublishLedgerFiguresListener.class);

  private final LedgerFiguresPublisher figures;
  private final GrantRegister register;

  public PublishLedgerFiguresListener(LedgerFiguresPublisher figures, GrantRegister register) {
    this.register = register;
    this.figures = figures;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String grantReference = register.findFor(execution).map(GrantRegister.GrantRecord::grantReference).orElse(null);
    if (grantReference == null) {
      LOG.warn("Task {} ({}) has no grantReference: no ledger figures to show", task.getId(),
          task.getTaskDefinitionKey());
      return;
    }
    try {
      figures.publish(execution, grantReference);
    } catch (UnknownLedgerKeyException notAwarded) {
      LOG.warn("Grant {} has no ledger account: task {} shows no ledger figures", grantReference,
          task.getTaskDefinitionKey());
    }
  }
}
