package org.citygrants.payment;

import static org.citygrants.process.PaymentProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/** Copies a grant's live ledger figures into variables the payment forms display (read-only). */
@Component
public class LedgerFiguresPublisher {

  private final LedgerService ledger;

  public LedgerFiguresPublisher(LedgerService ledger) {
    this.ledger = ledger;
  }

  public GrantStatement publish(VariableScope scope, String grantReference) {
    GrantStatement statement = ledger.statement(grantReference);
    LEDGER_AWARDED.set(scope, statement.awarded().doubleValue());
    LEDGER_COMMITTED.set(scope, statement.committed().doubleValue());
    LEDGER_PAID.set(scope, statement.paid().doubleValue());
    LEDGER_REPORTED_SPENT.set(scope, statement.reportedSpent().doubleValue());
    LEDGER_AVAILABLE.set(scope, statement.available().doubleValue());
    return statement;
  }
}
