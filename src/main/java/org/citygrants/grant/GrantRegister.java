package org.citygrants.grant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of grants (table grant_record): references such as LYON-2026 (LYON-2026-2 for a
 * second grant of the same city in the same year), the coach, the objective and late flags.
 */
@Repository
public class GrantRegister {

  public record GrantRecord(String grantReference, String cityCode, String cityName, String processInstanceId,
      String programmeInstanceId, String objectiveType, String coach, boolean preparationLate) {}

  /** How often a reference is taken again when another application of the same city took it at the same time. */
  static final int REFERENCE_ATTEMPTS = 10;

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  public GrantRegister(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Registers a grant once per process instance and returns its reference (idempotent). */
  @Transactional
  public String register(String cityCode, String cityName, int year, String processInstanceId, String programmeInstanceId) {
    Optional<String> existing = jdbc.sql("SELECT grant_reference FROM grant_record WHERE process_instance_id = ?")
        .param(processInstanceId).query(String.class).optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    // Two applications of one city at the same moment (two threads, or two nodes of a cluster)
    // read the same next sequence; the unique key lets one insert win, and the other takes the
    // next number. The insert runs under a savepoint, so the losing attempt leaves the
    // surrounding transaction (the engine's) usable.
    for (int attempt = 1; ; attempt++) {
      try {
        return savepoint.execute(status -> insertNext(cityCode, cityName, year, processInstanceId, programmeInstanceId));
      } catch (DuplicateKeyException taken) {
        if (attempt == REFERENCE_ATTEMPTS) {
          throw taken;
        }
      }
    }
  }

  private String insertNext(String cityCode, String cityName, int year, String processInstanceId,
      String programmeInstanceId) {
    int sequence = jdbc.sql("SELECT COALESCE(MAX(sequence_in_year), 0) + 1 FROM grant_record WHERE city_code = ? AND grant_year = ?")
        .param(cityCode).param(year).query(Integer.class).single();
    String reference = cityCode.toUpperCase(Locale.ROOT) + "-" + year + (sequence > 1 ? "-" + sequence : "");
    jdbc.sql("""
        INSERT INTO grant_record (grant_reference, city_code, city_name, grant_year, sequence_in_year,
          process_instance_id, programme_instance_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(reference, cityCode, cityName, year, sequence, processInstanceId, programmeInstanceId,
            Timestamp.from(Instant.now()))
        .update();
    return reference;
  }

  public void recordObjective(String grantReference, String objectiveType) {
    jdbc.sql("UPDATE grant_record SET objective_type = ? WHERE grant_reference = ?").params(objectiveType, grantReference).update();
  }

  public void recordCoach(String grantReference, String coach) {
    jdbc.sql("UPDATE grant_record SET coach = ? WHERE grant_reference = ?").params(coach, grantReference).update();
  }

  public void markPreparationLate(String grantReference) {
    jdbc.sql("UPDATE grant_record SET preparation_late = TRUE WHERE grant_reference = ?").param(grantReference).update();
  }

  /**
   * The grant an execution works for, from the register, never from its variables: the row of its
   * process instance or, for a called instance (a payment, the settlement), of the grant instance
   * that called it.
   *
   * @throws IllegalStateException when no grant is registered for the instance or its callers
   */
  public GrantRecord of(DelegateExecution execution) {
    return findFor(execution).orElseThrow(() -> new IllegalStateException(
        "No grant is registered for process instance " + execution.getProcessInstanceId()));
  }

  /** Like {@link #of}, empty when the instance belongs to no grant (yet). */
  public Optional<GrantRecord> findFor(DelegateExecution execution) {
    for (DelegateExecution instance = execution.getProcessInstance(); instance != null; instance = caller(instance)) {
      Optional<GrantRecord> grant = findByProcessInstance(instance.getId());
      if (grant.isPresent()) {
        return grant;
      }
    }
    return Optional.empty();
  }

  private static DelegateExecution caller(DelegateExecution instance) {
    DelegateExecution calling = instance.getSuperExecution();
    return calling == null ? null : calling.getProcessInstance();
  }

  public Optional<GrantRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM grant_record WHERE process_instance_id = ?").param(processInstanceId)
        .query(GrantRegister::map).optional();
  }

  public Optional<GrantRecord> find(String grantReference) {
    return jdbc.sql("SELECT * FROM grant_record WHERE grant_reference = ?").param(grantReference)
        .query(GrantRegister::map).optional();
  }

  public List<GrantRecord> all() {
    return jdbc.sql("SELECT * FROM grant_record ORDER BY city_name, grant_reference").query(GrantRegister::map).list();
  }

  private static GrantRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new GrantRecord(rs.getString("grant_reference"), rs.getString("city_code"), rs.getString("city_name"),
        rs.getString("process_instance_id"), rs.getString("programme_instance_id"), rs.getString("objective_type"),
        rs.getString("coach"), rs.getBoolean("preparation_late"));
  }
}
