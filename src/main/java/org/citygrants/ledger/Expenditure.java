package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** Money the city reports it spent on the grant; only accepted expenditure counts. */
public record Expenditure(
    String expenditureKey, String grantReference, BigDecimal amount, boolean accepted, Instant reportedAt) {
}
