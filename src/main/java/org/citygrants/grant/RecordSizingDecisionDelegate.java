package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.identity.CityDirectory;
import org.citygrants.process.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * Records the officer's sizing decision ({@link SizingRules} checks it). The grant's capital opens
 * in the ledger when the city accepts the award ({@link RecordAwardAcceptanceDelegate}).
 */
@Component
public class RecordSizingDecisionDelegate implements JavaDelegate {

  private final SizingRules rules;
  private final CityDirectory cities;
  private final CurrentActor actor;

  public RecordSizingDecisionDelegate(SizingRules rules, CityDirectory cities, CurrentActor actor) {
    this.rules = rules;
    this.cities = cities;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officer = actor.userId();
    SIZED_BY.set(execution, officer);
    SizingRules.Award award = rules.check(new SizingRules.Decision(SIZING_DECISION.require(execution),
        DECLINE_REASON.get(execution), AWARDED_AMOUNT.get(execution), PROPOSED_AMOUNT_MIN.require(execution),
        PROPOSED_AMOUNT_MAX.require(execution), SIZING_REASON.get(execution), PREPARATION_TIME.get(execution),
        PROPOSED_PREPARATION_TIME.get(execution), PROGRAMME_DURATION.get(execution),
        PROPOSED_PROGRAMME_DURATION.get(execution)));
    if (award == null) {
      return;
    }
    PREPARATION_TIME.set(execution, award.preparationTime());
    PROGRAMME_DURATION.set(execution, award.programmeDuration());
    // the capital opens and the programme's clock starts when the city accepts the terms
    // (RecordAwardAcceptanceDelegate); a re-sizing after the city's question changes nothing in the ledger
    COACH_OPTIONS.set(execution, cities.coachOptions());
  }
}
