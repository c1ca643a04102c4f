package org.citygrants.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the engine's tables say about the jobs of process instances, read straight from the shared
 * database by the test (also while no node runs): the historic job log (one row per created,
 * failed, successful or deleted job execution, with the host name of the engine that wrote it)
 * and the runtime jobs. The engine's own jobs without a process instance are left out: the
 * history cleanup job, for one, lives on and succeeds many times under one id.
 *
 * <p>It keeps one connection open, so that a test can watch the job table every few milliseconds
 * without a new database session each time; close it at the end. One thread at a time.
 */
final class JobHistory implements AutoCloseable {

  /** ACT_HI_JOB_LOG.JOB_STATE_ of a successful execution. */
  private static final int SUCCESSFUL = 2;

  record Execution(String jobId, String activityId, String hostname, Instant at, String processInstanceId) {}

  /**
   * A job in the runtime table; {@code lockOwner} is the job executor that acquired it (a UUID per
   * node and start), {@code lockExpires} when another job executor may take it over.
   */
  record RuntimeJob(String id, String activityId, String handlerType, String lockOwner, Instant lockExpires,
      Instant due, int retries) {}

  private final DataSource db;
  private Connection connection;

  JobHistory(DataSource db) {
    this.db = db;
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = db.getConnection();
    }
    return connection;
  }

  /** Successful executions of the job (a job runs successfully once, then is gone). */
  List<Execution> successes(String jobId) {
    return executions("select job_id_, act_id_, hostname_, timestamp_, process_instance_id_ from act_hi_job_log "
        + "where job_state_ = " + SUCCESSFUL + " and job_id_ = ? order by timestamp_", jobId);
  }

  /** Job ids with more than one successful execution, and how many: none if every job ran once. */
  Map<String, Integer> jobsSucceededMoreThanOnce() {
    Map<String, Integer> twice = new TreeMap<>();
    query("select job_id_, count(*) from act_hi_job_log where job_state_ = " + SUCCESSFUL
        + " and process_instance_id_ is not null group by job_id_ having count(*) > 1", rs -> twice.put(rs.getString(1), rs.getInt(2)));
    return twice;
  }

  /** Successful job executions per engine host name. */
  Map<String, Integer> successesByHostname() {
    Map<String, Integer> byHost = new TreeMap<>();
    query("select coalesce(hostname_, '?'), count(*) from act_hi_job_log where job_state_ = " + SUCCESSFUL
        + " and process_instance_id_ is not null group by hostname_", rs -> byHost.put(rs.getString(1), rs.getInt(2)));
    return byHost;
  }

  /** Successful executions per activity and host name, e.g. {@code Task_DisbursePayment@node-a}. */
  Map<String, Integer> successesByActivityAndHostname() {
    Map<String, Integer> counts = new TreeMap<>();
    query("select coalesce(act_id_, '?') || '@' || coalesce(hostname_, '?'), count(*) from act_hi_job_log "
        + "where job_state_ = " + SUCCESSFUL + " and process_instance_id_ is not null group by act_id_, hostname_", rs -> counts.put(rs.getString(1),
        rs.getInt(2)));
    return counts;
  }

  /** Failed executions (e.g. lost optimistic-locking races, retried at once), per host name. */
  Map<String, Integer> failuresByHostname() {
    Map<String, Integer> byHost = new TreeMap<>();
    query("select coalesce(hostname_, '?'), count(*) from act_hi_job_log where job_state_ = 1 and process_instance_id_ is not null "
        + "group by hostname_",
        rs -> byHost.put(rs.getString(1), rs.getInt(2)));
    return byHost;
  }

  /** Jobs waiting in the runtime table now, with their lock (an owner = acquired by a job executor). */
  List<RuntimeJob> runtimeJobs() {
    return runtimeJobs("");
  }

  /** Jobs a job executor has acquired and not finished (committed) yet. */
  List<RuntimeJob> lockedJobs() {
    return runtimeJobs(" and j.lock_owner_ is not null");
  }

  private List<RuntimeJob> runtimeJobs(String condition) {
    List<RuntimeJob> jobs = new ArrayList<>();
    query("select j.id_, d.act_id_, j.handler_type_, j.lock_owner_, j.lock_exp_time_, j.duedate_, j.retries_ "
        + "from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_ "
        + "where j.process_instance_id_ is not null" + condition, rs -> jobs.add(new RuntimeJob(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
        rs.getInt(7))));
    return jobs;
  }

  /**
   * The engine host name that ran each of these jobs successfully, for those that have run: with
   * the lock owners seen on them while they ran, it tells which lock owner is which node's.
   */
  Map<String, String> hostnamesOfSuccesses(Collection<String> jobIds) {
    Map<String, String> hostnames = new TreeMap<>();
    if (jobIds.isEmpty()) {
      return hostnames;
    }
    String sql = "select job_id_, hostname_ from act_hi_job_log where job_state_ = " + SUCCESSFUL
        + " and job_id_ = any(?)";
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setArray(1, connection().createArrayOf("varchar", jobIds.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          hostnames.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return hostnames;
  }

  private List<Execution> executions(String sql, String parameter) {
    List<Execution> executions = new ArrayList<>();
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          executions.add(new Execution(rs.getString(1), rs.getString(2), rs.getString(3),
              instant(rs.getTimestamp(4)), rs.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return executions;
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Row row) {
    try (PreparedStatement statement = connection().prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        row.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
