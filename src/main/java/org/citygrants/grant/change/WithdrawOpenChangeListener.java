package org.citygrants.grant.change;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.citygrants.grant.GrantRegister;
import org.springframework.stereotype.Component;

/**
 * When a grant is stopped (the early stop's start) or its process ends, a change of it still
 * waiting for a decision is withdrawn: nobody decides on a grant that is being settled.
 */
@Component
public class WithdrawOpenChangeListener implements ExecutionListener {

  private final GrantChanges changes;
  private final GrantRegister register;

  public WithdrawOpenChangeListener(GrantChanges changes, GrantRegister register) {
    this.changes = changes;
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    register.findFor(execution).ifPresent(grant -> changes.withdrawOpen(grant.grantReference(), null));
  }
}
