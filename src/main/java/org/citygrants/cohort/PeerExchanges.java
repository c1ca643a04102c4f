package org.citygrants.cohort;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The peer-exchange sessions a programme held, with their notes (table peer_exchange): what the
 * cities of that programme's cohort read on the cohort view.
 */
@Repository
public class PeerExchanges {

  public record Exchange(String programmeInstanceId, String programmeName, LocalDate heldOn, String theme, String notes,
      String heldBy, Instant recordedAt) {}

  private final JdbcClient jdbc;

  public PeerExchanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an exchange once per key; returns whether it is new. */
  public boolean record(String exchangeKey, String programmeInstanceId, String programmeName, LocalDate heldOn,
      String theme, String notes, String heldBy) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM peer_exchange WHERE exchange_key = ?").param(exchangeKey)
        .query(Integer.class).single();
    if (exists > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO peer_exchange (exchange_key, programme_instance_id, programme_name, held_on, theme, notes, held_by,
          recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(exchangeKey, programmeInstanceId, programmeName, Date.valueOf(heldOn), theme, notes, heldBy,
            Timestamp.from(Instant.now()))
        .update();
    return true;
  }

  /** The newest first. */
  public List<Exchange> recent(int limit) {
    return jdbc.sql("SELECT * FROM peer_exchange ORDER BY held_on DESC, recorded_at DESC")
        .query((rs, i) -> new Exchange(rs.getString("programme_instance_id"), rs.getString("programme_name"),
            rs.getDate("held_on").toLocalDate(), rs.getString("theme"), rs.getString("notes"), rs.getString("held_by"),
            rs.getTimestamp("recorded_at").toInstant()))
        .list().stream().limit(limit).toList();
  }
}
