package org.citygrants.grant.change;

import static org.citygrants.process.GrantChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.notification.GrantNotices;
import org.springframework.stereotype.Component;

/**
 * Tells each member of the city team, in their language, what was asked of the grant and what was
 * decided, with the note of whoever decided; once per change and member.
 */
@Component
public class TellTheCityOfTheChangeDelegate implements JavaDelegate {

  private final GrantChanges changes;
  private final GrantRegister register;
  private final GrantNotices notices;

  public TellTheCityOfTheChangeDelegate(GrantChanges changes, GrantRegister register, GrantNotices notices) {
    this.changes = changes;
    this.register = register;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrantChange change = changes.find(CHANGE_ID.require(execution)).orElseThrow();
    GrantRecord grant = register.find(change.grantReference()).orElseThrow();
    notices.changeDecided(new GrantNotices.ChangeDecided(grant.grantReference(), grant.cityCode(),
        "change-" + change.id(), GrantChange.APPLIED.equals(change.status()), language -> changes.summary(change, language),
        change.decisionNote()));
  }
}
