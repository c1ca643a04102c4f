package org.citygrants.cohort;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.citygrants.language.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What cities chose to share with the cohort of what they learned in an experiment (table
 * shared_learning): one entry per experiment, recorded when the coach accepts the report of a
 * city that ticked "share these learnings". The cohort view shows them to every city; the
 * programme's lessons task shows a programme's managers those of its cohort.
 */
@Repository
public class SharedLearnings {

  /** The lines shown in the programme lessons form, at most. */
  static final int LESSONS_SHOWN = 100;

  public record Learning(String grantReference, int experimentNumber, String cityName, String experimentTitle,
      String experimentType, String learnings, String decision, Instant decidedAt) {}

  private final JdbcClient jdbc;

  public SharedLearnings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the learnings of one experiment once; returns whether they are new. */
  public boolean share(String grantReference, int experimentNumber, String cityName, String experimentTitle,
      String experimentType, String learnings, String decision, String acceptedBy, Instant decidedAt) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM shared_learning WHERE grant_reference = ? AND experiment_number = ?")
        .params(grantReference, experimentNumber).query(Integer.class).single();
    if (exists > 0) {
      return false;
    }
    jdbc.sql("""
        INSERT INTO shared_learning (grant_reference, experiment_number, city_name, experiment_title, experiment_type,
          learnings, decision, accepted_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(grantReference, experimentNumber, cityName, experimentTitle, experimentType, learnings.strip(), decision,
            acceptedBy, Timestamp.from(decidedAt))
        .update();
    return true;
  }

  /** The newest first. */
  public List<Learning> recent(int limit) {
    return jdbc.sql("SELECT * FROM shared_learning ORDER BY decided_at DESC, grant_reference, experiment_number")
        .query(SharedLearnings::map).list().stream().limit(limit).toList();
  }

  /** Those of the grants a programme (cohort) started, oldest first. */
  public List<Learning> ofProgramme(String programmeInstanceId) {
    return jdbc.sql("""
        SELECT l.* FROM shared_learning l JOIN grant_record g ON g.grant_reference = l.grant_reference
        WHERE g.programme_instance_id = ? ORDER BY l.decided_at, l.grant_reference, l.experiment_number""")
        .param(programmeInstanceId).query(SharedLearnings::map).list();
  }

  /**
   * The learnings the cohort's cities shared, as the programme lessons form shows them (its
   * read-only {@code learningsSharedByCities}, written by {@link ShowSharedLearningsListener} in
   * each language): one paragraph each, the experiment's type and decision in words.
   */
  public String ofCohort(String programmeInstanceId, Locale language) {
    List<Learning> learnings = ofProgramme(programmeInstanceId);
    if (learnings.isEmpty()) {
      return Words.say(language, "lessons.none");
    }
    StringBuilder text = new StringBuilder();
    learnings.stream().limit(LESSONS_SHOWN).forEach(l -> text.append(text.isEmpty() ? "" : "\n\n")
        .append(Words.say(language, "lessons.line", l.cityName(), l.experimentTitle(),
            inWords("page.cohort.type.", l.experimentType(), language), inWords("page.cohort.outcome.", l.decision(), language),
            l.learnings())));
    if (learnings.size() > LESSONS_SHOWN) {
      text.append("\n\n").append(Words.say(language, "lessons.more", learnings.size() - LESSONS_SHOWN));
    }
    return text.toString();
  }

  private static String inWords(String prefix, String code, Locale language) {
    return code != null && Words.has(prefix + code) ? Words.say(language, prefix + code) : String.valueOf(code);
  }

  private static Learning map(ResultSet rs, int row) throws SQLException {
    return new Learning(rs.getString("grant_reference"), rs.getInt("experiment_number"), rs.getString("city_name"),
        rs.getString("experiment_title"), rs.getString("experiment_type"), rs.getString("learnings"),
        rs.getString("decision"), rs.getTimestamp("decided_at").toInstant());
  }
}
