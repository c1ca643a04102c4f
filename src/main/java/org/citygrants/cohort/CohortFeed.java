package org.citygrants.cohort;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The wins coaches flag, shared with the whole cohort (table cohort_win): the peer feed. */
@Repository
public class CohortFeed {

  public record Win(String winKey, String grantReference, String cityName, String story, String flaggedBy, Instant flaggedAt) {}

  private final JdbcClient jdbc;

  public CohortFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a win once per key; returns whether it is new. */
  public boolean flag(String winKey, String grantReference, String cityName, String programmeInstanceId, String story, String flaggedBy) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM cohort_win WHERE win_key = ?").param(winKey).query(Integer.class).single();
    if (exists > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO cohort_win (win_key, grant_reference, city_name, programme_instance_id, story, flagged_by, flagged_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(winKey, grantReference, cityName, programmeInstanceId, story, flaggedBy, Timestamp.from(Instant.now()))
        .update();
    return true;
  }

  public void markCollected(String winKey) {
    jdbc.sql("UPDATE cohort_win SET collected_by_programme = TRUE WHERE win_key = ?").param(winKey).update();
  }

  public List<Win> recent(int limit) {
    return jdbc.sql("SELECT * FROM cohort_win ORDER BY flagged_at DESC, win_key").query((rs, i) -> new Win(
            rs.getString("win_key"), rs.getString("grant_reference"), rs.getString("city_name"), rs.getString("story"),
            rs.getString("flagged_by"), rs.getTimestamp("flagged_at").toInstant()))
        .list().stream().limit(limit).toList();
  }
}
