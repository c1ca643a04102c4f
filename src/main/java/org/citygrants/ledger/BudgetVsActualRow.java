package org.citygrants.ledger;

import java.math.BigDecimal;

/** One grant in the budget-vs-actual overview; definitions as in {@link GrantStatement}. */
public record BudgetVsActualRow(
    String grantReference,
    String cityCode,
    GrantAccount.Status status,
    String currency,
    BigDecimal awarded,
    BigDecimal committed,
    BigDecimal paid,
    BigDecimal reportedSpent,
    BigDecimal recovered,
    BigDecimal available) {
}
