package org.citygrants.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The append-only ledger_movement journal: this class only inserts and reads, never updates or
 * deletes. Each movement appended is announced ({@link MovementRecorded}) in the same transaction.
 */
@Repository
class MovementJournal {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  MovementJournal(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  void append(String grantReference, MovementType type, BigDecimal amount, String referenceKey,
      String actor, Instant at, MovementContext ctx) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO ledger_movement (grant_reference, movement_type, amount, reference_key, actor,
              occurred_at, reason, process_instance_id, activity_or_task_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(grantReference, type.name(), amount, referenceKey, actor, Rows.param(at), ctx.reason(),
            ctx.processInstanceId(), ctx.activityOrTaskId())
        .update(id, "id");
    events.publishEvent(new MovementRecorded(id.getKey().longValue(), grantReference, type, referenceKey,
        actor, at, ctx.processInstanceId(), ctx.activityOrTaskId()));
  }

  /** Whether a movement of one of these types was recorded under this reference key (an idempotent retry). */
  boolean recorded(String grantReference, String referenceKey, MovementType... types) {
    return jdbc.sql("SELECT movement_type FROM ledger_movement WHERE grant_reference = ? AND reference_key = ?")
        .params(grantReference, referenceKey).query(String.class).list().stream()
        .anyMatch(type -> java.util.Arrays.stream(types).anyMatch(t -> t.name().equals(type)));
  }

  List<Movement> ofGrant(String grantReference) {
    return jdbc.sql("""
            SELECT id, grant_reference, movement_type, amount, reference_key, actor, occurred_at, reason,
              process_instance_id, activity_or_task_id
            FROM ledger_movement WHERE grant_reference = ? ORDER BY id""")
        .param(grantReference)
        .query((rs, n) -> new Movement(
            rs.getLong("id"),
            rs.getString("grant_reference"),
            MovementType.valueOf(rs.getString("movement_type")),
            Money.of(rs.getBigDecimal("amount")),
            rs.getString("reference_key"),
            rs.getString("actor"),
            Rows.instant(rs, "occurred_at"),
            rs.getString("reason"),
            rs.getString("process_instance_id"),
            rs.getString("activity_or_task_id")))
        .list();
  }

  /** Sum of the amounts per movement type, every type present (zero when absent). */
  static Map<MovementType, BigDecimal> totals(List<Movement> movements) {
    Map<MovementType, BigDecimal> totals = new EnumMap<>(MovementType.class);
    for (MovementType type : MovementType.values()) {
      totals.put(type, Money.ZERO);
    }
    movements.forEach(m -> totals.merge(m.type(), m.amount(), BigDecimal::add));
    return totals;
  }
}
