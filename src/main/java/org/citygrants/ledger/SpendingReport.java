package org.citygrants.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import org.citygrants.language.Languages;
import org.citygrants.language.Words;

/**
 * What a city reported it spent against one commitment (an experiment's budget), as the ledger
 * holds it: the part within the commitment is accepted expenditure; the part above it counts only
 * once an officer approved it, with a reason.
 *
 * @param committed what the commitment earmarked
 * @param reported what the city reported
 * @param accepted what counts as spent now: the reported spending up to the commitment, plus the
 *     excess if an officer approved it
 * @param excess what was reported above the commitment (zero when within it)
 * @param decision what happened to the excess
 * @param decidedBy the officer who decided on the excess, or null
 * @param reason why, as the officer wrote it, or null
 */
public record SpendingReport(
    String grantReference,
    String commitmentKey,
    String currency,
    BigDecimal committed,
    BigDecimal reported,
    BigDecimal accepted,
    BigDecimal excess,
    ExcessDecision decision,
    String decidedBy,
    String reason) {

  /** The spending above the commitment: none, waiting for an officer, approved or refused. */
  public enum ExcessDecision { NONE, AWAITING, APPROVED, REFUSED }

  public boolean aboveCommitment() {
    return excess.signum() > 0;
  }

  /**
   * The flag coaches and officers read, in words: "reported 9,000.00 EUR, 3,000.00 above the
   * 6,000.00 committed"; empty when the spending stays within the commitment.
   */
  public String flag() {
    return flag(committed, reported, currency);
  }

  /** {@link #flag()} in a language: "déclaré 9 000,00 EUR, soit 3 000,00 de plus que les 6 000,00 engagés". */
  public String flag(Locale language) {
    return flag(committed, reported, currency, language);
  }

  /** {@link #flag()} for spending not recorded yet: what a coach reads before accepting a report. */
  public static String flag(BigDecimal committed, BigDecimal reported, String currency) {
    return flag(committed, reported, currency, Languages.FALLBACK);
  }

  /** {@link #flag(BigDecimal, BigDecimal, String)} in a language, from the bundles' words ({@code spending.flag}). */
  public static String flag(BigDecimal committed, BigDecimal reported, String currency, Locale language) {
    if (reported.compareTo(committed) <= 0) {
      return "";
    }
    return Words.say(language, "spending.flag", Words.amount(reported, currency, language),
        Words.amount(reported.subtract(committed), language), Words.amount(committed, language));
  }
}
