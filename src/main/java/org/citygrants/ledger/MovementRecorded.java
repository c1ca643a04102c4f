package org.citygrants.ledger;

import java.time.Instant;

/**
 * Published, inside the ledger's transaction, each time a movement is appended to the journal, so
 * that the use cases can hang what they keep about it (its evidence files: {@code
 * evidence.MovementEvidence}) without the ledger knowing them. A listener that fails rolls the
 * movement back with it.
 */
public record MovementRecorded(long movementId, String grantReference, MovementType type, String referenceKey,
    String actor, Instant occurredAt, String processInstanceId, String activityOrTaskId) {}
