package org.citygrants.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.citygrants.cohortrun.Cast;
import org.citygrants.cohortrun.CohortDriver;
import org.citygrants.cohortrun.CohortReport;
import org.citygrants.cohortrun.GrantPlayer;
import org.citygrants.cohortrun.GrantPort;
import org.citygrants.cohortrun.RestPort;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.PaymentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crash mid-cohort: the packaged application runs as its own process on PostgreSQL, a cohort of
 * grants is driven over HTTP, and the process is killed with SIGKILL at a moment when a payment's
 * disbursement job waits or is being executed, with timers set to fall due while it is down. It
 * is started again on the same database; the cohort driver, which decides from the engine's
 * state only, carries every grant to its end. Then every grant must
 * have reached its expected end with its ledger balanced and exactly the expected amounts paid
 * and recovered (no payment lost or doubled), every job must have succeeded once, and the timers
 * that fell due during the downtime must each have fired once, after the restart.
 */
class CrashRecoveryIT {

  private static final int GRANTS = 10;
  private static final int THREADS = 4;
  /** Grants parked at their experiment midpoint timer before the kill (straight and rework scenarios). */
  private static final Set<Integer> HELD = Set.of(0, 3, 9);
  private static final Duration TIMER_DUE_IN = Duration.ofSeconds(5);
  /**
   * How long a job stays locked by the engine that acquired it. A killed node's locks expire only
   * after it (the engine's default is 5 minutes); then another node, or the restarted one, runs it.
   */
  private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=15000";

  private static final String KILLED_DURING_DISBURSEMENT = "a disbursement job waiting or executing";

  private static EmbeddedPostgres postgres;
  private static AppNode node;

  @BeforeAll
  static void startDatabaseAndApplication() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    node = new AppNode("crash", postgres.getJdbcUrl("postgres", "postgres"), List.of(LOCK_TIME));
  }

  @AfterAll
  static void stopEverything() throws IOException {
    if (node != null) {
      node.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aKilledApplicationRestartsAndFinishesTheCohortWithEveryPaymentAndTimerExactlyOnce() throws Exception {
    try {
      run();
    } catch (Throwable failure) {
      System.out.println(node.tail(80));
      throw failure;
    }
  }

  private void run() throws Exception {
    JobHistory jobs = new JobHistory(postgres.getPostgresDatabase());
    long t0 = System.nanoTime();
    node.start("crash-before");
    node.awaitReady(Duration.ofSeconds(120));
    double firstStart = seconds(t0);

    RestPort port = new RestPort(List.of(node.url()));
    CohortDriver driver = new CohortDriver(port, Cast.demo());
    List<GrantPlayer> players = driver.players(GRANTS);
    long cohortStarted = System.nanoTime();
    long deadline = cohortStarted + Duration.ofMinutes(10).toNanos();
    driver.applyAll(players, deadline);

    // held grants are parked as soon as they wait at the experiment midpoint with nothing else to do
    Map<Integer, GrantPort.WaitingTimer> parked = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    List<Future<?>> shares = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      List<GrantPlayer> mine = players.stream().filter(p -> p.index() % THREADS == thread).toList();
      shares.add(pool.submit(() -> driver.playToEnd(mine, deadline, Duration.ofMillis(50),
          i -> !HELD.contains(i) || !parkedAtMidpoint(port, players.get(i), parked))));
    }

    // the kill: once the held grants are parked, at a moment a disbursement job waits or runs,
    // with the parked timers due a few seconds later, when the application is down
    awaitParked(parked, Duration.ofSeconds(300));
    String killMoment = killDuringDisbursement(port, jobs, parked, Duration.ofSeconds(90));
    Instant killedAt = Instant.now();
    double cohortBeforeKill = seconds(cohortStarted);
    List<JobHistory.RuntimeJob> atKill = jobs.runtimeJobs();
    List<JobHistory.RuntimeJob> lockedAtKill = atKill.stream().filter(j -> j.lockOwner() != null).toList();
    List<JobHistory.RuntimeJob> dueAtKill = atKill.stream()
        .filter(j -> j.due() == null || !j.due().isAfter(killedAt)).toList();

    long restarting = System.nanoTime();
    node.start("crash-after");
    node.awaitReady(Duration.ofSeconds(120));
    double downtime = seconds(restarting);
    Instant restartedAt = Instant.now();

    List<GrantPlayer> held = players.stream().filter(p -> HELD.contains(p.index())).toList();
    shares.add(pool.submit(() -> driver.playToEnd(held, deadline, Duration.ofMillis(50), i -> true)));
    for (Future<?> share : shares) {
      share.get(11, TimeUnit.MINUTES);
    }
    pool.shutdownNow();
    CohortReport report = driver.report(players, System.nanoTime() - cohortStarted);

    System.out.printf("""
        CrashRecoveryIT: %d grants %s, %d client threads
          first start %.1f s; killed (SIGKILL) after %.1f s of cohort at %s
          at the kill: %d runtime jobs, %d due (%s), %d locked by the killed process (%s)
          %d timers due within %d s after the kill, while it was down (due in %s ms after the kill)
          restart until ready %.1f s; cohort total %.1f s; steps %d, conflicts %d, calls while down %d
          successful jobs by host: %s; failed executions: %s
          disbursements by host: %s
        """, GRANTS, report.scenarios(), THREADS, firstStart, cohortBeforeKill, killMoment, atKill.size(),
        dueAtKill.size(), activities(dueAtKill), lockedAtKill.size(), activities(lockedAtKill), parked.size(),
        TIMER_DUE_IN.toSeconds(), parked.values().stream().map(t -> atKill.stream()
            .filter(j -> j.id().equals(t.jobId())).map(j -> String.valueOf(Duration.between(killedAt, j.due()).toMillis()))
            .findFirst().orElse("?")).toList(), downtime, report.elapsedSeconds(), report.steps(), report.conflicts(),
        report.unavailableCalls(), jobs.successesByHostname(), jobs.failuresByHostname(),
        jobs.successesByActivityAndHostname().entrySet().stream()
            .filter(e -> e.getKey().startsWith(PaymentProcess.Elements.DISBURSE_PAYMENT))
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));

    // the kill hit a payment between its approval and its disbursement
    assertThat(killMoment).isEqualTo(KILLED_DURING_DISBURSEMENT);

    // every grant at its end, ledger balanced, paid and recovered exactly as expected
    assertThat(report.problems()).isEmpty();
    assertThat(report.grantsEndedAsExpected()).isEqualTo(GRANTS);

    // the timers that fell due while the application was down fired once, after the restart
    assertThat(parked).hasSize(HELD.size());
    for (GrantPort.WaitingTimer timer : parked.values()) {
      Instant due = atKill.stream().filter(j -> j.id().equals(timer.jobId())).findFirst().orElseThrow().due();
      assertThat(due).as("due date of timer %s", timer.jobId()).isAfter(killedAt).isBefore(restartedAt);
    }
    for (GrantPort.WaitingTimer timer : parked.values()) {
      List<JobHistory.Execution> fired = jobs.successes(timer.jobId());
      assertThat(fired).as("timer job %s", timer.jobId()).hasSize(1);
      JobHistory.Execution firing = fired.get(0);
      assertThat(firing.hostname()).isEqualTo("crash-after");
      assertThat(firing.at()).isAfter(killedAt);
      long midpoints = port.get("admin", "/engine-rest/history/activity-instance/count?activityId="
          + CityGrantProcess.Elements.EXPERIMENT_MIDPOINT + "&processInstanceId=" + firing.processInstanceId())
          .json().path("count").asLong();
      assertThat(midpoints).as("midpoint of %s", firing.processInstanceId()).isEqualTo(1);
    }
    // the jobs the killed process had acquired (their transaction never committed) ran once, after the restart
    for (JobHistory.RuntimeJob job : dueAtKill) {
      List<JobHistory.Execution> ran = jobs.successes(job.id());
      assertThat(ran).as("job %s (%s) pending at the kill", job.id(), job.activityId()).hasSize(1);
      assertThat(ran.get(0).hostname()).isEqualTo("crash-after");
    }
    // no job of the whole run succeeded twice
    assertThat(jobs.jobsSucceededMoreThanOnce()).isEmpty();

  }

  /** Whether the held grant now waits at its experiment midpoint and nothing else; records its timer. */
  private static boolean parkedAtMidpoint(RestPort port, GrantPlayer player,
      Map<Integer, GrantPort.WaitingTimer> parked) {
    try {
      String grant = player.grant();
      if (!port.openTasks(grant).isEmpty() || port.pendingJobs(grant) > 0) {
        return false;
      }
      return port.timers(grant).stream()
          .filter(t -> t.activityId().equals(CityGrantProcess.Elements.EXPERIMENT_MIDPOINT))
          .findFirst().map(timer -> {
            parked.put(player.index(), timer);
            return true;
          }).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void awaitParked(Map<Integer, GrantPort.WaitingTimer> parked, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (parked.size() < HELD.size()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("held grants not parked at their midpoint in time: " + parked.keySet());
      }
      Thread.sleep(100);
    }
  }

  /**
   * Sets the parked timers due {@link #TIMER_DUE_IN} ahead and watches the job table for a
   * disbursement job (an approved payment not yet disbursed, waiting or being executed); kills the
   * application the moment one is there. Pushes the timers ahead again until then, so they always
   * fall due after the kill; after the timeout it kills anyway. Says what the kill hit.
   */
  private static String killDuringDisbursement(RestPort port, JobHistory jobs,
      Map<Integer, GrantPort.WaitingTimer> parked, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long pushed = System.nanoTime();
      Instant due = Instant.now().plus(TIMER_DUE_IN);
      for (GrantPort.WaitingTimer timer : parked.values()) {
        port.setDueDate(timer.jobId(), due);
      }
      // watch until 2 s before the timers are due, then push them ahead again
      while (System.nanoTime() - pushed < TIMER_DUE_IN.minusSeconds(2).toNanos()) {
        if (jobs.jobsAt(PaymentProcess.Elements.DISBURSE_PAYMENT) > 0) {
          node.kill();
          return KILLED_DURING_DISBURSEMENT;
        }
        Thread.sleep(2);
      }
      if (System.nanoTime() > deadline) {
        node.kill();
        return "no disbursement job seen within " + timeout.toSeconds() + " s";
      }
    }
  }

  private static String activities(List<JobHistory.RuntimeJob> jobs) {
    return jobs.stream().collect(Collectors.groupingBy(j -> String.valueOf(j.activityId()), Collectors.counting()))
        .toString();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
