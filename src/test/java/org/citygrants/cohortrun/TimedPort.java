package org.citygrants.cohortrun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link GrantPort} that measures: how long each task completion, application and early stop
 * took (wall clock, in nanoseconds, as the caller sees it) and how many timers were brought due.
 * Everything else is passed through unchanged, so a cohort driven through it behaves exactly as
 * one driven through the port it wraps.
 */
public final class TimedPort implements GrantPort {

  private final GrantPort port;
  private final Latencies completions = new Latencies();
  private final Latencies applications = new Latencies();
  private final AtomicLong timersBroughtDue = new AtomicLong();
  private final AtomicLong earlyStops = new AtomicLong();

  public TimedPort(GrantPort port) {
    this.port = port;
  }

  /** Latencies of successful task completions (a conflict is not timed; the driver counts it). */
  public Latencies completions() {
    return completions;
  }

  public Latencies applications() {
    return applications;
  }

  public long timersBroughtDue() {
    return timersBroughtDue.get();
  }

  public long earlyStops() {
    return earlyStops.get();
  }

  @Override
  public String apply(String cityUser, Map<String, Object> application) {
    long start = System.nanoTime();
    String grant = port.apply(cityUser, application);
    applications.add(System.nanoTime() - start);
    return grant;
  }

  @Override
  public List<OpenTask> openTasks(String grant) {
    return port.openTasks(grant);
  }

  @Override
  public Object taskVariable(String user, String taskId, String name) {
    return port.taskVariable(user, taskId, name);
  }

  @Override
  public void complete(String user, String taskId, Map<String, Object> variables) {
    long start = System.nanoTime();
    port.complete(user, taskId, variables);
    completions.add(System.nanoTime() - start);
  }

  @Override
  public long completedTasks(String grant, String taskKey) {
    return port.completedTasks(grant, taskKey);
  }

  @Override
  public List<WaitingTimer> timers(String grant) {
    return port.timers(grant);
  }

  @Override
  public void bringDue(String jobId) {
    port.bringDue(jobId);
    timersBroughtDue.incrementAndGet();
  }

  @Override
  public long pendingJobs(String grant) {
    return port.pendingJobs(grant);
  }

  @Override
  public List<String> incidents(String grant) {
    return port.incidents(grant);
  }

  @Override
  public void earlyStop(String officer, String grant, String reason) {
    port.earlyStop(officer, grant, reason);
    earlyStops.incrementAndGet();
  }

  @Override
  public Optional<String> endEvent(String grant) {
    return port.endEvent(grant);
  }

  @Override
  public Optional<LedgerCheck> ledger(String grant) {
    return port.ledger(grant);
  }

  /** A thread-safe list of durations in nanoseconds with percentiles. */
  public static final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    public synchronized int count() {
      return size;
    }

    public synchronized void clear() {
      size = 0;
    }

    /** The sorted durations recorded so far. */
    public synchronized long[] sorted() {
      long[] copy = java.util.Arrays.copyOf(values, size);
      java.util.Arrays.sort(copy);
      return copy;
    }

    public double meanMillis() {
      return meanMillis(sorted());
    }

    /** The mean in milliseconds (0 when nothing was recorded). */
    public static double meanMillis(long[] durations) {
      return java.util.Arrays.stream(durations).average().orElse(0) / 1e6;
    }

    /** Nearest-rank percentile in milliseconds (0 when nothing was recorded). */
    public static double percentileMillis(long[] sorted, double percentile) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
  }
}
