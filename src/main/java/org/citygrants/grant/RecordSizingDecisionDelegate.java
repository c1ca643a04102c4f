package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.GrantDurations;
import org.citygrants.config.GrantMoney;
import org.citygrants.config.IsoDurations;
import org.citygrants.identity.CityDirectory;
import org.citygrants.ledger.LedgerException;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/**
 * Checks the officer's sizing decision and, for an award, opens the grant's ring-fenced capital.
 * Rules: at least the minimum viable amount and at most the programme's cap; a reason whenever
 * the amount is outside the band the sizing rules proposed; a reason for a decline.
 */
@Component
public class RecordSizingDecisionDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final GrantMoney money;
  private final GrantDurations durations;
  private final LedgerService ledger;
  private final CityDirectory cities;
  private final CurrentActor actor;

  public RecordSizingDecisionDelegate(GrantMoney money, GrantDurations durations, LedgerService ledger,
      CityDirectory cities, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.money = money;
    this.durations = durations;
    this.ledger = ledger;
    this.cities = cities;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String officer = actor.userId();
    SIZED_BY.set(execution, officer);
    if ("decline".equals(SIZING_DECISION.require(execution))) {
      if (isBlank(DECLINE_REASON.get(execution))) {
        throw new InputRejectedException(DECLINE_REASON.name(), "Say why the grant is declined: the city reads it.");
      }
      return;
    }
    Long awarded = AWARDED_AMOUNT.get(execution);
    if (awarded == null) {
      throw new InputRejectedException(AWARDED_AMOUNT.name(), "An award needs an amount.");
    }
    BigDecimal amount = BigDecimal.valueOf(awarded);
    if (amount.compareTo(money.minimumViableAmount()) < 0) {
      throw new InputRejectedException(AWARDED_AMOUNT.name(), "The award must be at least the minimum viable amount of "
          + money.minimumViableAmount().toPlainString() + " " + money.currency() + ", below which a team cannot work.");
    }
    if (amount.compareTo(money.maximumAmount()) > 0) {
      throw new InputRejectedException(AWARDED_AMOUNT.name(), "The award cannot exceed the programme's cap of "
          + money.maximumAmount().toPlainString() + " " + money.currency() + ".");
    }
    boolean outsideBand = awarded < PROPOSED_AMOUNT_MIN.require(execution) || awarded > PROPOSED_AMOUNT_MAX.require(execution);
    if (outsideBand && isBlank(SIZING_REASON.get(execution))) {
      throw new InputRejectedException(SIZING_REASON.name(), "The amount is outside the proposed band "
          + PROPOSED_AMOUNT_MIN.get(execution) + "-" + PROPOSED_AMOUNT_MAX.get(execution) + ": give a reason.");
    }
    String preparation = orDefault(PREPARATION_TIME.get(execution), PROPOSED_PREPARATION_TIME.get(execution), durations.getPreparation());
    String programme = orDefault(PROGRAMME_DURATION.get(execution), PROPOSED_PROGRAMME_DURATION.get(execution), "P12M");
    checkDuration(PREPARATION_TIME.name(), preparation);
    checkDuration(PROGRAMME_DURATION.name(), programme);
    PREPARATION_TIME.set(execution, preparation);
    PROGRAMME_DURATION.set(execution, programme);
    PROGRAMME_END_DATE.set(execution, IsoDurations.plus(ClockUtil.getCurrentTime(), programme));
    try {
      ledger.openGrant(register.of(execution).grantReference(), register.of(execution).cityCode(), amount,
          LedgerContexts.of(execution, officer, "grant awarded"));
    } catch (LedgerException e) {
      throw new InputRejectedException(AWARDED_AMOUNT.name(), e.getMessage());
    }
    COACH_OPTIONS.set(execution, cities.coachOptions());
  }

  private static void checkDuration(String field, String value) {
    if (!IsoDurations.isValid(value)) {
      throw new InputRejectedException(field, "Write the duration in ISO-8601, e.g. P3M for three months, not '" + value + "'.");
    }
  }

  private static String orDefault(String value, String proposed, String fallback) {
    if (!isBlank(value)) {
      return value.trim();
    }
    return isBlank(proposed) ? fallback : proposed;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
