package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** Capital earmarked on a budget line, e.g. {@code LYON-2026:experiment-1}. */
public record Commitment(
    String commitmentKey,
    String grantReference,
    BudgetLine budgetLine,
    BigDecimal amount,
    Status status,
    Instant committedAt,
    Instant releasedAt) {

  public enum Status { ACTIVE, RELEASED }
}
