package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the append-only journal: what changed, by how much, who, when, why, where. */
public record Movement(
    long id,
    String grantReference,
    MovementType type,
    BigDecimal amount,
    String referenceKey,
    String actor,
    Instant occurredAt,
    String reason,
    String processInstanceId,
    String activityOrTaskId) {
}
