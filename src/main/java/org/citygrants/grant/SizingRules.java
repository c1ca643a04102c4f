package org.citygrants.grant;

import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
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

  /**
   * The preparation times an officer may award, 1 to 9 months: what the sizing rules propose
   * (2 to 6 months) with room either side. The size-grant form offers exactly these, as "3 months".
   */
  public static final List<String> PREPARATION_TIMES = months(IntStream.rangeClosed(1, 9));

  /** The programme durations an officer may award, 6 to 24 months by quarters (the rules propose 12 to 18). */
  public static final List<String> PROGRAMME_DURATIONS = months(IntStream.iterate(6, m -> m <= 24, m -> m + 3));

  private final LedgerProperties money;
  private final GrantDurations durations;

  public SizingRules(LedgerProperties money, GrantDurations durations) {
    this.money = money;
    this.durations = durations;
  }

  /**
   * The amount the size-grant form proposes: what the city asked for, kept within the band the
   * sizing rules proposed (called from the BPMN when the proposal is made).
   */
  public long proposedAward(Long requested, Long proposedMin, Long proposedMax) {
    long asked = requested == null ? proposedMin : requested;
    return Math.max(proposedMin, Math.min(proposedMax, asked));
  }

  /**
   * @return the award, or null for a decline
   * @throws InputRejectedException naming the field that breaks a rule
   */
  public Award check(Decision decision) {
    if (decision.declines()) {
      if (isBlank(decision.declineReason())) {
        throw new InputRejectedException(CityGrantProcess.DECLINE_REASON.name(), Words.say("refused.sizing.declineReason"));
      }
      return null;
    }
    String awardedField = CityGrantProcess.AWARDED_AMOUNT.name();
    if (decision.awardedAmount() == null) {
      throw new InputRejectedException(awardedField, Words.say("refused.sizing.noAmount"));
    }
    BigDecimal amount = BigDecimal.valueOf(decision.awardedAmount());
    if (amount.compareTo(money.minimumViableAmount()) < 0) {
      throw new InputRejectedException(awardedField, Words.say("refused.sizing.belowMinimum",
          Words.amount(money.minimumViableAmount(), money.currency(), ReaderLanguage.current())));
    }
    if (amount.compareTo(money.maximumAmount()) > 0) {
      throw new InputRejectedException(awardedField, Words.say("refused.sizing.aboveCap",
          Words.amount(money.maximumAmount(), money.currency(), ReaderLanguage.current())));
    }
    boolean outsideBand = decision.awardedAmount() < decision.proposedMin() || decision.awardedAmount() > decision.proposedMax();
    if (outsideBand && isBlank(decision.sizingReason())) {
      throw new InputRejectedException(CityGrantProcess.SIZING_REASON.name(), Words.say("refused.sizing.outsideBand",
          euros(decision.proposedMin(), ReaderLanguage.current()), euros(decision.proposedMax(), ReaderLanguage.current()),
          money.currency()));
    }
    String preparation = orDefault(decision.preparationTime(), decision.proposedPreparationTime(), durations.getPreparation());
    String programme = orDefault(decision.programmeDuration(), decision.proposedProgrammeDuration(),
        DEFAULT_PROGRAMME_DURATION);
    checkDuration(CityGrantProcess.PREPARATION_TIME.name(), "refused.sizing.choosePreparationTime", preparation,
        decision.preparationTime(), PREPARATION_TIMES);
    checkDuration(CityGrantProcess.PROGRAMME_DURATION.name(), "refused.sizing.chooseProgrammeDuration", programme,
        decision.programmeDuration(), PROGRAMME_DURATIONS);
    return new Award(amount, preparation, programme);
  }

  /**
   * What the officer chose is one of the durations the form offers; a proposal or the configured
   * default (used when the officer chose nothing) only needs to be a duration the engine can run.
   */
  private static void checkDuration(String field, String refusal, String value, String chosen, List<String> offered) {
    boolean officerChose = !isBlank(chosen);
    if (officerChose ? !offered.contains(value) : !IsoDurations.isValid(value)) {
      Locale language = ReaderLanguage.current();
      throw new InputRejectedException(field, Words.say(language, refusal, inWords(offered.get(0), language),
          inWords(offered.get(offered.size() - 1), language)));
    }
  }

  /** "P3M" as "3 months", "P1M" as "1 month"; other durations as they are. */
  public static String inWords(String duration) {
    return inWords(duration, Locale.ENGLISH);
  }

  /** {@link #inWords(String)} in a language: "3 mois". */
  public static String inWords(String duration, Locale language) {
    if (duration != null && duration.matches("P\\d+M")) {
      int months = Integer.parseInt(duration.substring(1, duration.length() - 1));
      return Words.say(language, months == 1 ? "refused.sizing.month" : "refused.sizing.months", String.valueOf(months));
    }
    return duration;
  }

  private static List<String> months(IntStream months) {
    return months.mapToObj(m -> "P" + m + "M").toList();
  }

  private static String euros(long amount, Locale language) {
    boolean english = language == null || Locale.ENGLISH.getLanguage().equals(language.getLanguage());
    return NumberFormat.getIntegerInstance(english ? Locale.ENGLISH : language).format(amount);
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
