package org.citygrants.ledger;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recovery table. */
@Repository
class Recoveries {

  private final JdbcClient jdbc;

  Recoveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Recovery> find(String recoveryKey) {
    return jdbc.sql("SELECT recovery_key, grant_reference, amount, status, ordered_at, received_at"
            + " FROM recovery WHERE recovery_key = ?")
        .param(recoveryKey)
        .query((rs, n) -> new Recovery(rs.getString("recovery_key"), rs.getString("grant_reference"),
            Money.of(rs.getBigDecimal("amount")), Recovery.Status.valueOf(rs.getString("status")),
            Rows.instant(rs, "ordered_at"), Rows.instant(rs, "received_at")))
        .optional();
  }

  void insert(Recovery recovery) {
    jdbc.sql("INSERT INTO recovery (recovery_key, grant_reference, amount, status, ordered_at, received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(recovery.recoveryKey(), recovery.grantReference(), recovery.amount(), recovery.status().name(),
            Rows.param(recovery.orderedAt()), Rows.param(recovery.receivedAt()))
        .update();
  }

  /** True when this call confirmed it (it was still ordered). */
  boolean receive(String recoveryKey, Instant at) {
    return jdbc.sql("UPDATE recovery SET status = 'RECEIVED', received_at = ? WHERE recovery_key = ? AND status = 'ORDERED'")
        .params(Rows.param(at), recoveryKey).update() == 1;
  }
}
