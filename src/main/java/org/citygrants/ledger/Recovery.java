package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** Unspent money the city must pay back: ORDERED, then RECEIVED once the money is in. */
public record Recovery(
    String recoveryKey,
    String grantReference,
    BigDecimal amount,
    Status status,
    Instant orderedAt,
    Instant receivedAt) {

  public enum Status { ORDERED, RECEIVED }

  /** The key of a grant's recovery order: one per grant. */
  public static String key(String grantReference) {
    return grantReference + ":recovery";
  }
}
