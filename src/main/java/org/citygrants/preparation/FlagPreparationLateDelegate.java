package org.citygrants.preparation;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.springframework.stereotype.Component;

/** Marks a grant whose preparation goes on past its deadline without extension (cohort view, Cockpit). */
@Component
public class FlagPreparationLateDelegate implements JavaDelegate {

  private final GrantRegister register;

  public FlagPreparationLateDelegate(GrantRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PREPARATION_LATE.set(execution, true);
    register.markPreparationLate(register.of(execution).grantReference());
  }
}
