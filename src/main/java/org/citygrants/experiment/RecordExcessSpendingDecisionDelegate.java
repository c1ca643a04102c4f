package org.citygrants.experiment;

import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * A programme officer's decision on spending reported above an experiment's committed budget,
 * recorded in the ledger with the officer and the reason: approved, it counts as spent and the
 * next tranche may pay it; refused, the city bears it.
 */
@Component
public class RecordExcessSpendingDecisionDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final CurrentActor actor;

  public RecordExcessSpendingDecisionDelegate(LedgerService ledger, CurrentActor actor, GrantRegister register) {
    this.ledger = ledger;
    this.actor = actor;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officer = actor.requireUser(EXCESS_SPENDING_DECISION.name());
    String decision = EXCESS_SPENDING_DECISION.get(execution);
    if (!"approve".equals(decision) && !"refuse".equals(decision)) {
      throw new InputRejectedException(EXCESS_SPENDING_DECISION.name(), Words.say("refused.excess.decide"));
    }
    String reason = EXCESS_SPENDING_REASON.get(execution);
    if (reason == null || reason.isBlank()) {
      throw new InputRejectedException(EXCESS_SPENDING_REASON.name(), Words.say("refused.excess.reason"));
    }
    String key = ExperimentCommitments.key(register.of(execution).grantReference(),
        EXPERIMENT_NUMBER.require(execution));
    boolean approved = "approve".equals(decision);
    LedgerRefusals.asRefusalOf(EXCESS_SPENDING_DECISION.name(), () -> ledger.decideExcessSpending(key, approved,
        officer, reason, LedgerContexts.of(execution, officer, reason)));
  }
}
