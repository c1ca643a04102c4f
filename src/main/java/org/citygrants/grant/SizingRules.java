package org.citygrants.grant;

import java.math.BigDecimal;
import org.citygrants.config.GrantDurations;
import org.citygrants.config.IsoDurations;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Service;

/**
 * The programme's rules for an officer's sizing decision, without the engine: an award is at
 * least the minimum viable amount and at most the programme's cap, needs a reason when it is
 * outside the band the sizing rules proposed, and keeps the proposed durations unless the officer
 * wrote others; a decline needs a reason the city will read.
 */
@Service
public class SizingRules {

  /** What the officer decided, with what the sizing rules (DMN grant-sizing) proposed. */
  public record Decision(String decision, String declineReason, Long awardedAmount, long proposedMin, long proposedMax,
      String sizingReason, String preparationTime, String proposedPreparationTime, String programmeDuration,
      String proposedProgrammeDuration) {

    boolean declines() {
      return "decline".equals(decision);
    }
  }

  /** An award as the grant will run it. */
  public record Award(BigDecimal amount, String preparationTime, String programmeDuration) {}

  /** Used when the sizing rules proposed no programme duration. */
  static final String DEFAULT_PROGRAMME_DURATION = "P12M";

  private final LedgerProperties money;
  private final GrantDurations durations;

  public SizingRules(LedgerProperties money, GrantDurations durations) {
    this.money = money;
    this.durations = durations;
  }

  /**
   * @return the award, or null for a decline
   * @throws InputRejectedException naming the field that breaks a rule
   */
  public Award check(Decision decision) {
    if (decision.declines()) {
      if (isBlank(decision.declineReason())) {
        throw new InputRejectedException(CityGrantProcess.DECLINE_REASON.name(),
            "Say why the grant is declined: the city reads it.");
      }
      return null;
    }
    String awardedField = CityGrantProcess.AWARDED_AMOUNT.name();
    if (decision.awardedAmount() == null) {
      throw new InputRejectedException(awardedField, "An award needs an amount.");
    }
    BigDecimal amount = BigDecimal.valueOf(decision.awardedAmount());
    if (amount.compareTo(money.minimumViableAmount()) < 0) {
      throw new InputRejectedException(awardedField, "The award must be at least the minimum viable amount of "
          + money.minimumViableAmount().toPlainString() + " " + money.currency() + ", below which a team cannot work.");
    }
    if (amount.compareTo(money.maximumAmount()) > 0) {
      throw new InputRejectedException(awardedField, "The award cannot exceed the programme's cap of "
          + money.maximumAmount().toPlainString() + " " + money.currency() + ".");
    }
    boolean outsideBand = decision.awardedAmount() < decision.proposedMin() || decision.awardedAmount() > decision.proposedMax();
    if (outsideBand && isBlank(decision.sizingReason())) {
      throw new InputRejectedException(CityGrantProcess.SIZING_REASON.name(), "The amount is outside the proposed band "
          + decision.proposedMin() + "-" + decision.proposedMax() + ": give a reason.");
    }
    String preparation = orDefault(decision.preparationTime(), decision.proposedPreparationTime(), durations.getPreparation());
    String programme = orDefault(decision.programmeDuration(), decision.proposedProgrammeDuration(),
        DEFAULT_PROGRAMME_DURATION);
    checkDuration(CityGrantProcess.PREPARATION_TIME.name(), preparation);
    checkDuration(CityGrantProcess.PROGRAMME_DURATION.name(), programme);
    return new Award(amount, preparation, programme);
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
