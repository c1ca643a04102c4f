package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/** The coach's answer to the city's budget move, as the signed-in coach. */
@Component
public class RecordCoachAnswerDelegate implements JavaDelegate {

  private final GrantChanges changes;
  private final CurrentActor actor;

  public RecordCoachAnswerDelegate(GrantChanges changes, CurrentActor actor) {
    this.changes = changes;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.coachAnswered(CHANGE_ID.require(execution), actor.requireUser(COACH_AGREES.name()),
        Boolean.TRUE.equals(COACH_AGREES.get(execution)), COACH_NOTE.get(execution));
  }
}
