package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.citygrants.language.Languages;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Service;

/**
 * The terms of an award as the city reads and accepts them: what the officer decided
 * ({@link SizingRules}), the advance the advance-rate rules let the city expect, and how the
 * ledger will split the capital over its budget lines. The words are in {@link AwardTexts}.
 */
@Service
public class AwardTerms {

  /** One budget line: its share of the award and what it is for. */
  public record Line(BudgetLine line, BigDecimal amount) {

    public String name() {
      return AwardTexts.lineName(line);
    }

    public String purpose() {
      return AwardTexts.linePurpose(line);
    }
  }

  /**
   * @param advanceRatePercent the share paid in advance once procurement is approved, null when not estimated
   * @param advanceAmount the estimated advance, null when not estimated
   * @param objectives the objective as the application form names it, by language tag; empty when not known
   */
  public record Terms(String grantReference, String cityName, BigDecimal amount, String currency,
      Map<String, String> objectives, String experimentArea, String preparationTime, String programmeDuration,
      Long advanceRatePercent, BigDecimal advanceAmount, List<Line> budgetLines) {

    /** The objective in a language (English where that language has none), or null when not known. */
    public String objective(Locale language) {
      String english = objectives.get(Languages.FALLBACK.getLanguage());
      return language == null ? english : objectives.getOrDefault(language.getLanguage(), english);
    }
  }

  private final LedgerService ledger;
  private final GrantRegister register;
  private final Languages languages;

  public AwardTerms(LedgerService ledger, GrantRegister register, Languages languages) {
    this.ledger = ledger;
    this.register = register;
    this.languages = languages;
  }

  /** The terms of the grant's current award, from the officer's decision recorded in the process. */
  public Terms of(DelegateExecution execution) {
    GrantRegister.GrantRecord grant = register.of(execution);
    BigDecimal amount = BigDecimal.valueOf(AWARDED_AMOUNT.require(execution)).setScale(2, RoundingMode.UNNECESSARY);
    Long rate = ADVANCE_RATE_PERCENT.get(execution);
    // the advance as CalculateAdvanceDelegate will compute it once procurement is approved
    BigDecimal advance = rate == null ? null
        : amount.multiply(BigDecimal.valueOf(rate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    Map<BudgetLine, BigDecimal> split = ledger.allocationOf(amount);
    List<Line> lines = split.entrySet().stream().filter(e -> e.getValue().signum() > 0)
        .map(e -> new Line(e.getKey(), e.getValue())).toList();
    return new Terms(grant.grantReference(), grant.cityName(), amount, ledger.currency(),
        objectives(execution), EXPERIMENT_AREA.get(execution), PREPARATION_TIME.require(execution),
        PROGRAMME_DURATION.require(execution), rate, advance, lines);
  }

  private Map<String, String> objectives(DelegateExecution execution) {
    Map<String, String> objectives = new LinkedHashMap<>();
    if (OBJECTIVE_LABEL.get(execution) != null) {
      languages.supported().forEach(language -> objectives.put(language.getLanguage(), OBJECTIVE_LABEL.get(execution, language)));
    }
    return objectives;
  }
}
