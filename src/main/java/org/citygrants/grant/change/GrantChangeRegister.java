package org.citygrants.grant.change;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code grant_change}: the changes asked of each grant and what became of them. */
@Repository
class GrantChangeRegister {

  private static final String COLUMNS = """
      id, grant_reference, kind, reason, requested_by, requested_as, requested_at, previous_amount, new_amount,
      previous_duration, new_duration, previous_objective, new_objective, from_line, to_line, move_amount,
      coach_answer_by, decided_by, decision_note, approved_by, status, closed_at, process_instance_id""";

  private final JdbcClient jdbc;

  GrantChangeRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an open change; the database refuses a second open change of the same grant. */
  long open(GrantChange c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO grant_change (grant_reference, open_grant_reference, kind, reason, requested_by, requested_as,
              requested_at, previous_amount, new_amount, previous_duration, new_duration, previous_objective,
              new_objective, from_line, to_line, move_amount, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')""")
        .params(c.grantReference(), c.grantReference(), c.kind(), c.reason(), c.requestedBy(), c.requestedAs(),
            Timestamp.from(c.requestedAt()), c.previousAmount(), c.newAmount(), c.previousDuration(), c.newDuration(),
            c.previousObjective(), c.newObjective(), c.fromLine(), c.toLine(), c.moveAmount())
        .update(key, "id");
    return key.getKey().longValue();
  }

  void processStarted(long id, String processInstanceId) {
    jdbc.sql("UPDATE grant_change SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
  }

  void coachAnswered(long id, String coach, String note) {
    jdbc.sql("UPDATE grant_change SET coach_answer_by = ?, decision_note = COALESCE(?, decision_note) WHERE id = ?")
        .params(coach, note, id).update();
  }

  void decided(long id, String officer, String note) {
    jdbc.sql("UPDATE grant_change SET decided_by = ?, decision_note = ? WHERE id = ?").params(officer, note, id).update();
  }

  void approved(long id, String officer, String note) {
    jdbc.sql("UPDATE grant_change SET approved_by = ?, decision_note = COALESCE(?, decision_note) WHERE id = ?")
        .params(officer, note, id).update();
  }

  /** Closes an open change as applied or refused; false when it was closed already (a retry). */
  boolean close(long id, String status, Instant at) {
    return jdbc.sql("""
            UPDATE grant_change SET status = ?, closed_at = ?, open_grant_reference = NULL
            WHERE id = ? AND status = 'open'""")
        .params(status, Timestamp.from(at), id).update() == 1;
  }

  Optional<GrantChange> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM grant_change WHERE id = ?").param(id)
        .query(GrantChangeRegister::change).optional();
  }

  Optional<GrantChange> openOf(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM grant_change WHERE open_grant_reference = ?").param(grantReference)
        .query(GrantChangeRegister::change).optional();
  }

  /** The grant's changes, oldest first. */
  List<GrantChange> history(String grantReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM grant_change WHERE grant_reference = ? ORDER BY id")
        .param(grantReference).query(GrantChangeRegister::change).list();
  }

  private static GrantChange change(ResultSet rs, int row) throws SQLException {
    return new GrantChange(rs.getLong("id"), rs.getString("grant_reference"), rs.getString("kind"),
        rs.getString("reason"), rs.getString("requested_by"), rs.getString("requested_as"),
        instant(rs, "requested_at"), amount(rs, "previous_amount"), amount(rs, "new_amount"),
        rs.getString("previous_duration"), rs.getString("new_duration"), rs.getString("previous_objective"),
        rs.getString("new_objective"), rs.getString("from_line"), rs.getString("to_line"), amount(rs, "move_amount"),
        rs.getString("coach_answer_by"), rs.getString("decided_by"), rs.getString("decision_note"),
        rs.getString("approved_by"), rs.getString("status"), instant(rs, "closed_at"),
        rs.getString("process_instance_id"));
  }

  private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.setScale(2);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
