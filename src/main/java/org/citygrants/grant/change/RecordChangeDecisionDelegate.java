package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/** A programme officer's decision on what the city or its coach asked, as the signed-in officer. */
@Component
public class RecordChangeDecisionDelegate implements JavaDelegate {

  private final GrantChanges changes;
  private final CurrentActor actor;

  public RecordChangeDecisionDelegate(GrantChanges changes, CurrentActor actor) {
    this.changes = changes;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.decided(CHANGE_ID.require(execution), actor.requireUser(CHANGE_ACCEPTED.name()),
        Boolean.TRUE.equals(CHANGE_ACCEPTED.get(execution)), DECISION_NOTE.get(execution));
  }
}
