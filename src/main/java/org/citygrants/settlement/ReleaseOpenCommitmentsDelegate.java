package org.citygrants.settlement;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.MovementContext;
import org.citygrants.ledger.Payment;
import org.citygrants.ledger.PaymentStatus;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/**
 * The first step of every settlement: budgets still committed to experiments that will not run go
 * back to the capital, and payments requested or approved but not yet disbursed are withdrawn
 * (after a stop their payment process was cancelled with the rest of the grant's open work), so
 * the balance is computed on what really happened. At the end of a completed grant there is
 * nothing left to release.
 */
@Component
public class ReleaseOpenCommitmentsDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final CurrentActor actor;

  public ReleaseOpenCommitmentsDelegate(LedgerService ledger, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    String reason = SETTLEMENT_REASON.getOrDefault(execution, "grant settled");
    String who = actor.userId();
    MovementContext context = LedgerContexts.of(execution, who, reason);
    ledger.releaseOpenCommitments(reference, context);
    for (Payment payment : ledger.statement(reference).payments()) {
      if (payment.status() == PaymentStatus.REQUESTED || payment.status() == PaymentStatus.APPROVED) {
        ledger.rejectPayment(payment.paymentKey(), who, "withdrawn at settlement: " + reason, context);
      }
    }
  }
}
