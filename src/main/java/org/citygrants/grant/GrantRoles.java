package org.citygrants.grant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citygrants.identity.CityDirectory;
import org.springframework.stereotype.Component;

/**
 * Who works on a grant's tasks, as the BPMN routes them ({@code camunda:candidateGroups=
 * "${grantRoles.cityTeam(execution)}"}, {@code camunda:assignee="${grantRoles.coach(execution)}"}):
 * taken from the grant register, never from process variables, so a variable named like them
 * that somebody managed to write changes nobody's work.
 */
@Component("grantRoles")
public class GrantRoles {

  private final GrantRegister register;

  public GrantRoles(GrantRegister register) {
    this.register = register;
  }

  /** The city team's group, {@code city-<code>}. */
  public String cityTeam(DelegateExecution execution) {
    return CityDirectory.cityGroup(register.of(execution).cityCode());
  }

  /** The grant's coach, as the programme manager assigned them. */
  public String coach(DelegateExecution execution) {
    String coach = register.of(execution).coach();
    if (coach == null) {
      throw new IllegalStateException("Grant " + register.of(execution).grantReference() + " has no coach yet");
    }
    return coach;
  }
}
