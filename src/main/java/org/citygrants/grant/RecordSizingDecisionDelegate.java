package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.IsoDurations;
import org.citygrants.identity.CityDirectory;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * Records the officer's sizing decision ({@link SizingRules} checks it) and, for an award, opens
 * the grant's ring-fenced capital in the ledger.
 */
@Component
public class RecordSizingDecisionDelegate implements JavaDelegate {

  private final SizingRules rules;
  private final GrantRegister register;
  private final LedgerService ledger;
  private final CityDirectory cities;
  private final CurrentActor actor;

  public RecordSizingDecisionDelegate(SizingRules rules, GrantRegister register, LedgerService ledger,
      CityDirectory cities, CurrentActor actor) {
    this.rules = rules;
    this.register = register;
    this.ledger = ledger;
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
    PROGRAMME_END_DATE.set(execution, IsoDurations.plus(ClockUtil.getCurrentTime(), award.programmeDuration()));
    GrantRegister.GrantRecord grant = register.of(execution);
    LedgerRefusals.asRefusalOf(AWARDED_AMOUNT.name(), () -> ledger.openGrant(grant.grantReference(), grant.cityCode(),
        award.amount(), LedgerContexts.of(execution, officer, "grant awarded")));
    COACH_OPTIONS.set(execution, cities.coachOptions());
  }
}
