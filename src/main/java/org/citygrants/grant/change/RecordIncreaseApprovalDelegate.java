package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * The second officer's approval of a higher award. Four eyes: whoever asked for the rise or decided
 * it cannot approve it (refused in words, nothing recorded), and the database holds the rule too.
 */
@Component
public class RecordIncreaseApprovalDelegate implements JavaDelegate {

  private final GrantChanges changes;
  private final CurrentActor actor;

  public RecordIncreaseApprovalDelegate(GrantChanges changes, CurrentActor actor) {
    this.changes = changes;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.approved(CHANGE_ID.require(execution), actor.requireUser(INCREASE_APPROVED.name()),
        Boolean.TRUE.equals(INCREASE_APPROVED.get(execution)), APPROVAL_NOTE.get(execution));
  }
}
