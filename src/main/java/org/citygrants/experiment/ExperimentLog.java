package org.citygrants.experiment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The experiments each city ran and what was decided (table experiment), for the cohort view. */
@Repository
public class ExperimentLog {

  /** One experiment: its plan, and once the coach decided, its spending and outcome (null before). */
  public record Experiment(String grantReference, int number, String title, String type, BigDecimal budget,
      BigDecimal spent, String outcome, boolean winFlagged, Instant startedAt, Instant endsAt, Instant decidedAt) {}

  private final JdbcClient jdbc;

  public ExperimentLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void started(String grantReference, int number, String title, String type, String assumption, String belief,
      BigDecimal budget, Date startedAt, Date endsAt) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM experiment WHERE grant_reference = ? AND experiment_number = ?")
        .params(grantReference, number).query(Integer.class).single();
    if (exists > 0) {
      return;
    }
    jdbc.sql("""
        INSERT INTO experiment (grant_reference, experiment_number, title, experiment_type, assumption_tested,
          belief_statement, budget, started_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(grantReference, number, title, type, assumption, belief, budget, new Timestamp(startedAt.getTime()),
            new Timestamp(endsAt.getTime()))
        .update();
  }

  public void decided(String grantReference, int number, BigDecimal spent, String outcome, boolean winFlagged, Date at) {
    jdbc.sql("UPDATE experiment SET spent = ?, outcome = ?, win_flagged = ?, decided_at = ? WHERE grant_reference = ? AND experiment_number = ?")
        .params(spent, outcome, winFlagged, new Timestamp(at.getTime()), grantReference, number)
        .update();
  }

  /**
   * A resumed grant's experiments still under way end later by the paused time (grant.pause);
   * decided ones keep their dates.
   */
  public void moveOpenEnds(String grantReference, java.time.Duration shift) {
    for (Experiment open : of(grantReference)) {
      if (open.decidedAt() == null && open.endsAt() != null) {
        jdbc.sql("UPDATE experiment SET ends_at = ? WHERE grant_reference = ? AND experiment_number = ?")
            .params(Timestamp.from(open.endsAt().plus(shift)), grantReference, open.number()).update();
      }
    }
  }

  public java.util.Optional<Experiment> find(String grantReference, int number) {
    return all(grantReference).stream().filter(e -> e.number() == number).findFirst();
  }

  public List<Experiment> all(String grantReference) {
    return jdbc.sql("SELECT * FROM experiment WHERE grant_reference = ? ORDER BY experiment_number").param(grantReference)
        .query(ExperimentLog::map).list();
  }

  public List<Experiment> all() {
    return jdbc.sql("SELECT * FROM experiment ORDER BY grant_reference, experiment_number")
        .query(ExperimentLog::map).list();
  }

  /** One grant's experiments, the first first. */
  public List<Experiment> of(String grantReference) {
    return jdbc.sql("SELECT * FROM experiment WHERE grant_reference = ? ORDER BY experiment_number")
        .param(grantReference).query(ExperimentLog::map).list();
  }

  private static Experiment map(ResultSet rs, int row) throws SQLException {
    return new Experiment(rs.getString("grant_reference"), rs.getInt("experiment_number"),
        rs.getString("title"), rs.getString("experiment_type"), rs.getBigDecimal("budget"), rs.getBigDecimal("spent"),
        rs.getString("outcome"), rs.getBoolean("win_flagged"), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("ends_at")), instant(rs.getTimestamp("decided_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
