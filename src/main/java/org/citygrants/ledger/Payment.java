package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment to the city for one milestone; {@code paymentKey} = grant reference + ':' + milestone. */
public record Payment(
    String paymentKey,
    String grantReference,
    String milestone,
    PaymentKind kind,
    BigDecimal amount,
    PaymentStatus status,
    String requestedBy,
    Instant requestedAt,
    String approvedBy,
    Instant approvedAt,
    String rejectedBy,
    String rejectionReason,
    Instant disbursedAt) {

  public static String key(String grantReference, String milestone) {
    return grantReference + ":" + milestone;
  }
}
