package org.citygrants.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits an awarded amount over the budget lines by percentage. Each line gets its share rounded
 * down to the cent; the cents left over go to the line with the largest share (experiments by
 * default), so the allocations always add up exactly to the award.
 */
final class BudgetSplit {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final Map<BudgetLine, BigDecimal> percentages = new EnumMap<>(BudgetLine.class);
  private final BudgetLine remainderLine;

  BudgetSplit(Map<String, BigDecimal> percentagesByCode) {
    for (BudgetLine line : BudgetLine.values()) {
      percentages.put(line, BigDecimal.ZERO);
    }
    percentagesByCode.forEach((code, percent) -> {
      if (percent == null || percent.signum() < 0) {
        throw new IllegalArgumentException("grant.money.budget-split." + code + " must be a percentage >= 0");
      }
      percentages.put(BudgetLine.fromCode(code), percent);
    });
    BigDecimal total = percentages.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(HUNDRED) != 0) {
      throw new IllegalArgumentException(
          "grant.money.budget-split must add up to 100 %, not " + total.toPlainString() + " %: " + percentages);
    }
    remainderLine = percentages.entrySet().stream()
        .max(Map.Entry.<BudgetLine, BigDecimal>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow().getKey();
  }

  Map<BudgetLine, BigDecimal> allocate(BigDecimal awarded) {
    Map<BudgetLine, BigDecimal> allocation = new EnumMap<>(BudgetLine.class);
    BigDecimal allocated = Money.ZERO;
    for (BudgetLine line : BudgetLine.values()) {
      BigDecimal share = awarded.multiply(percentages.get(line)).divide(HUNDRED, 2, RoundingMode.DOWN);
      allocation.put(line, share);
      allocated = allocated.add(share);
    }
    allocation.merge(remainderLine, awarded.subtract(allocated), BigDecimal::add);
    return allocation;
  }
}
