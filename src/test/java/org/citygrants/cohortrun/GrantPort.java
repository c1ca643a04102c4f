package org.citygrants.cohortrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cohort driver needs of a running application: the same operations a person has in
 * Tasklist (and an operator in Cockpit), either in-process through the application's
 * {@link org.citygrants.process.ProcessGateway} or over HTTP against the engine REST API.
 * Every call acts as the user named, so authorisations, four eyes and validation apply.
 */
public interface GrantPort {

  /** The city user applies; returns the grant reference (the business key). */
  String apply(String cityUser, Map<String, Object> application);

  /** Open user tasks of the grant, its payment and settlement instances included. */
  List<OpenTask> openTasks(String grant);

  /** A variable as the task's form sees it (e.g. {@code proposedPaymentAmount}). */
  Object taskVariable(String user, String taskId, String name);

  /**
   * Claims (if needed) and completes the task as the user.
   *
   * @throws ConflictException when someone or something changed the task or its instance at the same moment
   */
  void complete(String user, String taskId, Map<String, Object> variables);

  /** How many tasks with this definition key the grant has completed so far. */
  long completedTasks(String grant, String taskKey);

  /** Timers the grant waits on. */
  List<WaitingTimer> timers(String grant);

  /** Brings a timer due now: the job executor fires it (as Cockpit's "change due date"). */
  void bringDue(String jobId);

  /** Jobs of the grant that the job executor has still to run (due now, retries left). */
  long pendingJobs(String grant);

  /** Incidents of the grant (jobs out of retries): none expected in a healthy run. */
  List<String> incidents(String grant);

  /** A programme officer stops the grant early. */
  void earlyStop(String officer, String grant, String reason);

  /** The end event of the finished grant instance, empty while the grant runs. */
  Optional<String> endEvent(String grant);

  /** The grant's ledger statement in short, empty when no account was opened (declined). */
  Optional<LedgerCheck> ledger(String grant);

  record OpenTask(String id, String key) {}

  record WaitingTimer(String jobId, String activityId, Instant due) {}

  record LedgerCheck(boolean balanced, boolean closed, BigDecimal paid, BigDecimal recovered, int payments,
      String imbalances) {}

  /** Someone else changed the task or its instance at the same moment: read again and retry. */
  class ConflictException extends RuntimeException {
    public ConflictException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The application does not answer (stopped, restarting): wait and try again. */
  class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
