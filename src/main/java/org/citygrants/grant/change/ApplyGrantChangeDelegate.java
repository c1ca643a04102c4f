package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/** Applies the accepted change: the ledger, the grant's variables and record follow (GrantChanges.apply). */
@Component
public class ApplyGrantChangeDelegate implements JavaDelegate {

  private final GrantChanges changes;
  private final CurrentActor actor;

  public ApplyGrantChangeDelegate(GrantChanges changes, CurrentActor actor) {
    this.changes = changes;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.apply(CHANGE_ID.require(execution), actor.userId());
    CHANGE_APPLIED.set(execution, true);
  }
}
