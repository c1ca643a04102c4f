package org.citygrants.cohortrun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.citygrants.cohortrun.GrantPlayer.Step;

/**
 * Drives a cohort of grants through their whole lifecycle: each client thread plays its share of
 * the grants (grant i on thread i modulo threads), one step at a time, round after round, until
 * every grant has ended or the time is up. Conflicts (two changes to one instance at once) are
 * retried as a person would after "reload and try again"; an application that does not answer is
 * waited for.
 */
public final class CohortDriver {

  public record Options(int grants, int threads, Duration timeout, Duration idlePause) {
    public static Options of(int grants, int threads) {
      return new Options(grants, threads, Duration.ofMinutes(30), Duration.ofMillis(20));
    }

    public Options withTimeout(Duration timeout) {
      return new Options(grants, threads, timeout, idlePause);
    }
  }

  private final GrantPort port;
  private final Cast cast;
  private final AtomicLong conflicts = new AtomicLong();
  private final AtomicLong unavailable = new AtomicLong();
  private final AtomicLong steps = new AtomicLong();
  private final ConcurrentHashMap<Integer, String> failures = new ConcurrentHashMap<>();

  public CohortDriver(GrantPort port, Cast cast) {
    this.port = port;
    this.cast = cast;
  }

  /** Applies for every grant, then plays them all to their end. */
  public CohortReport run(Options options) {
    List<GrantPlayer> players = players(options.grants());
    long started = System.nanoTime();
    inParallel(options, players, this::applyAll);
    inParallel(options, players, (mine, deadline) -> playToEnd(mine, deadline, options.idlePause(), i -> true));
    return report(players, System.nanoTime() - started);
  }

  /** The players of a cohort of this size, grant i playing scenario i of the mix. */
  public List<GrantPlayer> players(int grants) {
    List<GrantPlayer> players = new ArrayList<>();
    for (int i = 0; i < grants; i++) {
      players.add(new GrantPlayer(port, i, cast));
    }
    return players;
  }

  /** The players of these grants of the mix: grant i plays scenario i of the mix. */
  public List<GrantPlayer> players(List<Integer> indices) {
    return indices.stream().map(i -> new GrantPlayer(port, i, cast)).toList();
  }

  /** Plays the given (already applied) grants until all ended, or until {@code stopWhen} says so. */
  public CohortReport play(List<GrantPlayer> players, Options options) {
    long started = System.nanoTime();
    inParallel(options, players, (mine, deadline) -> playToEnd(mine, deadline, options.idlePause(), i -> true));
    return report(players, System.nanoTime() - started);
  }

  /** Applies for the grants of these players that have not applied yet. */
  public void applyAll(List<GrantPlayer> mine, long deadline) {
    for (GrantPlayer player : mine) {
      while (player.grant() == null && System.nanoTime() < deadline) {
        try {
          player.apply();
        } catch (GrantPort.UnavailableException e) {
          unavailable.incrementAndGet();
          pause(Duration.ofMillis(200));
        }
      }
    }
  }

  /** Applies for the grants of these players that have not applied yet, on the options' threads. */
  public void applyAll(List<GrantPlayer> players, Options options) {
    inParallel(options, players, this::applyAll);
  }

  /**
   * Plays grant i for at most {@code budget(i)} actions (a task completed, a timer brought due, an
   * early stop; waiting does not count) and leaves it where it then is: a programme with grants in
   * every phase. Returns the grants that have not ended.
   */
  public List<GrantPlayer> playPartly(List<GrantPlayer> players, Options options, IntUnaryOperator budget) {
    inParallel(options, players, (mine, deadline) ->
        playToEnd(mine, deadline, options.idlePause(), i -> true, budget));
    return players.stream().filter(p -> p.grant() != null && port.endEvent(p.grant()).isEmpty()).toList();
  }

  /**
   * Takes steps for these grants until each has ended, failed, or {@code keepGoing} refuses its
   * index; returns when nothing is left to do or the deadline passed.
   */
  public void playToEnd(List<GrantPlayer> mine, long deadline, Duration idlePause, IntPredicate keepGoing) {
    playToEnd(mine, deadline, idlePause, keepGoing, i -> Integer.MAX_VALUE);
  }

  /** As above, and a grant whose {@code budget(index)} of actions is spent is left where it is. */
  public void playToEnd(List<GrantPlayer> mine, long deadline, Duration idlePause, IntPredicate keepGoing,
      IntUnaryOperator budget) {
    List<GrantPlayer> active = new ArrayList<>(mine);
    Map<Integer, Integer> actions = new HashMap<>();
    while (!active.isEmpty() && System.nanoTime() < deadline) {
      boolean progressed = false;
      for (var it = active.iterator(); it.hasNext(); ) {
        GrantPlayer player = it.next();
        if (!keepGoing.test(player.index()) || actions.getOrDefault(player.index(), 0) >= budget.applyAsInt(player.index())) {
          it.remove();
          continue;
        }
        try {
          Step step = player.step();
          steps.incrementAndGet();
          if (step == Step.ENDED) {
            it.remove();
          } else if (step != Step.WAITING) {
            progressed = true;
            actions.merge(player.index(), 1, Integer::sum);
          }
        } catch (GrantPort.ConflictException e) {
          conflicts.incrementAndGet();
          progressed = true;
        } catch (GrantPort.UnavailableException e) {
          unavailable.incrementAndGet();
          pause(Duration.ofMillis(200));
        } catch (RuntimeException e) {
          failures.put(player.index(), player.grant() + " (" + player.scenario() + "): " + e);
          it.remove();
        }
      }
      if (!progressed) {
        pause(idlePause);
      }
    }
  }

  private interface Share {
    void play(List<GrantPlayer> mine, long deadline);
  }

  private void inParallel(Options options, List<GrantPlayer> players, Share share) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < options.threads(); t++) {
        int thread = t;
        List<GrantPlayer> mine = players.stream().filter(p -> p.index() % options.threads() == thread).toList();
        futures.add(pool.submit(() -> share.play(mine, deadline)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("a cohort thread failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads every grant's end and ledger from the application and lists what is not as expected. */
  public CohortReport report(List<GrantPlayer> players, long elapsedNanos) {
    List<CohortReport.GrantResult> results = new ArrayList<>();
    for (GrantPlayer player : players) {
      String grant = player.grant();
      if (grant == null) {
        results.add(new CohortReport.GrantResult(player.index(), null, player.scenario(), null, null, List.of(),
            failures.getOrDefault(player.index(), "never applied")));
        continue;
      }
      results.add(new CohortReport.GrantResult(player.index(), grant, player.scenario(),
          port.endEvent(grant).orElse(null), port.ledger(grant).orElse(null), port.incidents(grant),
          failures.get(player.index())));
    }
    return new CohortReport(Collections.unmodifiableList(results), elapsedNanos, steps.get(), conflicts.get(),
        unavailable.get());
  }

  private static void pause(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
