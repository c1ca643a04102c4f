package org.citygrants.grant.pause;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The pauses of the grants (table grant_pause, Flyway V8): at most one open pause per grant. */
@Repository
public class PauseRegister {

  private final JdbcClient jdbc;

  public PauseRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records an open pause. A second open pause of the same grant (two officers at once) breaks
   * the unique open_grant_reference and is refused by the database.
   */
  Pause open(String grantReference, Instant at, String by, String reason, String note, LocalDate expectedResume) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO grant_pause (grant_reference, open_grant_reference, paused_at, paused_by, reason, note, expected_resume)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(grantReference, grantReference, Timestamp.from(at), by, reason, note, Date.valueOf(expectedResume))
        .update(key, "id");
    return find(key.getKey().longValue()).orElseThrow();
  }

  Pause close(long id, Instant at, String by, Duration moved) {
    jdbc.sql("""
        UPDATE grant_pause SET resumed_at = ?, resumed_by = ?, shifted_millis = ?, open_grant_reference = NULL
        WHERE id = ? AND resumed_at IS NULL""")
        .params(Timestamp.from(at), by, moved.toMillis(), id).update();
    return find(id).orElseThrow();
  }

  /** Marks the reminder of an overdue pause sent; false when another run marked it first. */
  boolean markReminded(long id, Instant at) {
    return jdbc.sql("UPDATE grant_pause SET overdue_reminded_at = ? WHERE id = ? AND overdue_reminded_at IS NULL")
        .params(Timestamp.from(at), id).update() == 1;
  }

  Optional<Pause> find(long id) {
    return jdbc.sql("SELECT * FROM grant_pause WHERE id = ?").param(id).query(PauseRegister::map).optional();
  }

  public Optional<Pause> open(String grantReference) {
    return jdbc.sql("SELECT * FROM grant_pause WHERE open_grant_reference = ?").param(grantReference)
        .query(PauseRegister::map).optional();
  }

  public List<Pause> of(String grantReference) {
    return jdbc.sql("SELECT * FROM grant_pause WHERE grant_reference = ? ORDER BY paused_at, id").param(grantReference)
        .query(PauseRegister::map).list();
  }

  public List<Pause> allOpen() {
    return jdbc.sql("SELECT * FROM grant_pause WHERE open_grant_reference IS NOT NULL ORDER BY grant_reference")
        .query(PauseRegister::map).list();
  }

  /** Open pauses expected to have ended before this day whose officer was not reminded yet. */
  List<Pause> overdueUnreminded(LocalDate today) {
    return jdbc.sql("""
        SELECT * FROM grant_pause WHERE open_grant_reference IS NOT NULL AND overdue_reminded_at IS NULL
        AND expected_resume < ? ORDER BY expected_resume, id""")
        .param(Date.valueOf(today)).query(PauseRegister::map).list();
  }

  private static Pause map(ResultSet rs, int row) throws SQLException {
    Timestamp resumed = rs.getTimestamp("resumed_at");
    Timestamp reminded = rs.getTimestamp("overdue_reminded_at");
    long shifted = rs.getLong("shifted_millis");
    boolean hasShift = !rs.wasNull();
    return new Pause(rs.getLong("id"), rs.getString("grant_reference"), rs.getTimestamp("paused_at").toInstant(),
        rs.getString("paused_by"), rs.getString("reason"), rs.getString("note"),
        rs.getDate("expected_resume").toLocalDate(), resumed == null ? null : resumed.toInstant(),
        rs.getString("resumed_by"), hasShift ? Duration.ofMillis(shifted) : null,
        reminded == null ? null : reminded.toInstant());
  }
}
