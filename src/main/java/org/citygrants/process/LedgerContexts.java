package org.citygrants.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citygrants.ledger.MovementContext;

/** Ledger movements record which process instance and step caused them. */
public final class LedgerContexts {

  private LedgerContexts() {}

  public static MovementContext of(DelegateExecution execution, String actor, String reason) {
    return new MovementContext(actor, execution.getProcessInstanceId(), execution.getCurrentActivityId(), reason);
  }
}
