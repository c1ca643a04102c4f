package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One expenditure the city reported, in the currency it paid (table spending_item): the original
 * amount and currency, the euro amount at the rate of its day and which rate that was (null in
 * the grant's own currency), its invoice (an evidence file) if attached.
 */
public record SpendingItem(long id, String grantReference, BudgetLine line, LocalDate spentOn, String description,
    BigDecimal originalAmount, String originalCurrency, Long exchangeRateId, BigDecimal unitsPerEuro,
    LocalDate rateValidFrom, BigDecimal amount, String documentId, String reportedBy, Instant reportedAt) {

  /** The key of its journal row: {@code LYON-2026:item-12}. */
  public String key() {
    return grantReference + ":item-" + id;
  }
}
