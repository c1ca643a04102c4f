package org.citygrants.grant;

import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.identity.CityDirectory;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.process.InputRejectedException;
import org.citygrants.access.GrantAccessService;
import org.springframework.stereotype.Component;

/**
 * Records the grant's coach. From now on every coach task of the grant is assigned to this
 * person by name ({@code camunda:assignee="${coach}"}), and the coach may read the grant, its
 * tasks and its history; a previous coach of the grant (when the step runs again) no longer may.
 */
@Component
public class GrantCoachAccessDelegate implements JavaDelegate {

  private final CityDirectory cities;
  private final GrantRegister register;
  private final GrantAccessService access;
  private final NotificationRecipients people;

  public GrantCoachAccessDelegate(CityDirectory cities, GrantRegister register, GrantAccessService access,
      NotificationRecipients people) {
    this.cities = cities;
    this.register = register;
    this.access = access;
    this.people = people;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String coach = COACH.get(execution);
    if (coach == null || !cities.isCoach(coach)) {
      throw new InputRejectedException(COACH.name(), Words.say("refused.coach.chooseFromList"));
    }
    String grantReference = register.of(execution).grantReference();
    String previous = register.find(grantReference).map(GrantRegister.GrantRecord::coach).orElse(null);
    register.recordCoach(grantReference, coach);
    COACH_NAME.set(execution, people.displayName(coach));
    access.grantCoach(execution.getProcessInstanceId(), coach, previous);
  }
}
