package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/**
 * Records the grant's coach. From now on every coach task of the grant is assigned to this
 * person by name ({@code camunda:assignee="${coach}"}).
 */
@Component
public class GrantCoachAccessDelegate implements JavaDelegate {

  private final CityDirectory cities;
  private final GrantRegister register;

  public GrantCoachAccessDelegate(CityDirectory cities, GrantRegister register) {
    this.cities = cities;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String coach = COACH.get(execution);
    if (coach == null || !cities.isCoach(coach)) {
      throw new InputRejectedException(COACH.name(), "Choose a member of the group 'coaches' as the grant's coach.");
    }
    register.recordCoach(GRANT_REFERENCE.require(execution), coach);
  }
}
