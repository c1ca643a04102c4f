package org.citygrants.settlement;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/** A stopped grant: budgets committed to experiments that will not run go back to the capital. */
@Component
public class ReleaseOpenCommitmentsDelegate implements JavaDelegate {

  private final LedgerService ledger;
  private final CurrentActor actor;

  public ReleaseOpenCommitmentsDelegate(LedgerService ledger, CurrentActor actor) {
    this.ledger = ledger;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = EARLY_STOP_REASON.getOrDefault(execution, "grant stopped");
    ledger.releaseOpenCommitments(GRANT_REFERENCE.require(execution), LedgerContexts.of(execution, actor.userId(), reason));
  }
}
