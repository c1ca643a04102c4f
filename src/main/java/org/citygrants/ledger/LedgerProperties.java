package org.citygrants.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ledger settings under {@code grant.money}: the currency of new grants and the default split of
 * the awarded capital over the budget lines, in percent, e.g.
 * <pre>
 * grant.money.budget-split:
 *   experiments: 70
 *   learning-activities: 15
 *   committee: 5
 *   coaching: 10
 * </pre>
 * A line left out gets 0 %; the percentages must add up to 100.
 */
@ConfigurationProperties(prefix = "grant.money")
public record LedgerProperties(String currency, Map<String, BigDecimal> budgetSplit, BigDecimal minimumViableAmount,
    BigDecimal maximumAmount) {

  public static final Map<String, BigDecimal> DEFAULT_SPLIT = defaultSplit();

  public LedgerProperties {
    currency = currency == null || currency.isBlank() ? "EUR" : currency.trim();
    budgetSplit = budgetSplit == null || budgetSplit.isEmpty() ? DEFAULT_SPLIT : Map.copyOf(budgetSplit);
    minimumViableAmount = minimumViableAmount == null ? new BigDecimal("15000") : minimumViableAmount;
    maximumAmount = maximumAmount == null ? new BigDecimal("50000") : maximumAmount;
  }

  /** EUR, the default split, EUR 15,000 to 50,000. */
  public static LedgerProperties defaults() {
    return new LedgerProperties(null, null, null, null);
  }

  private static Map<String, BigDecimal> defaultSplit() {
    Map<String, BigDecimal> split = new LinkedHashMap<>();
    split.put(BudgetLine.EXPERIMENTS.code(), new BigDecimal("70"));
    split.put(BudgetLine.LEARNING_ACTIVITIES.code(), new BigDecimal("15"));
    split.put(BudgetLine.COMMITTEE.code(), new BigDecimal("5"));
    split.put(BudgetLine.COACHING.code(), new BigDecimal("10"));
    return Map.copyOf(split);
  }
}
