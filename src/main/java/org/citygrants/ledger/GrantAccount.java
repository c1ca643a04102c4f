package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** A grant's account: the awarded experimentation capital, ring-fenced from the city's budget. */
public record GrantAccount(
    String grantReference,
    String cityCode,
    String currency,
    BigDecimal awarded,
    Status status,
    Instant openedAt,
    Instant closedAt) {

  public enum Status { OPEN, CLOSED }

  public boolean isClosed() {
    return status == Status.CLOSED;
  }
}
