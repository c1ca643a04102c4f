package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.IsoDurations;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.ledger.LedgerService;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * The city accepted its award: records who (the signed-in member of the city team, never a
 * variable) and when, stores the agreement made from the accepted terms, and opens the grant's
 * ring-fenced capital in the ledger. The preparation time and the programme count from now.
 */
@Component
public class RecordAwardAcceptanceDelegate implements JavaDelegate {

  private final AwardTerms awardTerms;
  private final AwardAcceptance acceptances;
  private final GrantRegister register;
  private final LedgerService ledger;
  private final CurrentActor actor;
  private final NotificationRecipients people;

  public RecordAwardAcceptanceDelegate(AwardTerms awardTerms, AwardAcceptance acceptances, GrantRegister register,
      LedgerService ledger, CurrentActor actor, NotificationRecipients people) {
    this.awardTerms = awardTerms;
    this.acceptances = acceptances;
    this.register = register;
    this.ledger = ledger;
    this.actor = actor;
    this.people = people;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = actor.requireUser(AWARD_RESPONSE.name());
    Terms terms = awardTerms.of(execution);
    Date now = ClockUtil.getCurrentTime();
    AwardAcceptance.Acceptance acceptance = acceptances.record(terms, user, people.displayName(user),
        Instant.ofEpochMilli(now.getTime()));
    Date acceptedAt = Date.from(acceptance.acceptedAt());
    AWARD_ACCEPTED_AT.set(execution, acceptedAt);
    PROGRAMME_END_DATE.set(execution, IsoDurations.plus(acceptedAt, terms.programmeDuration()));
    GrantRegister.GrantRecord grant = register.of(execution);
    LedgerRefusals.asRefusalOf(AWARDED_AMOUNT.name(), () -> ledger.openGrant(grant.grantReference(), grant.cityCode(),
        terms.amount(), LedgerContexts.of(execution, user, "award accepted")));
  }
}
