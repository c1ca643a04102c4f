package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the change was refused, by the coach, an officer or the second officer. */
@Component
public class RefuseGrantChangeDelegate implements JavaDelegate {

  private final GrantChanges changes;

  public RefuseGrantChangeDelegate(GrantChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.refuse(CHANGE_ID.require(execution));
    CHANGE_APPLIED.set(execution, false);
  }
}
