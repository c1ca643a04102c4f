package org.citygrants.cohortrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where every grant of a cohort run ended, what its ledger shows, and what is not as expected. */
public record CohortReport(List<GrantResult> grants, long elapsedNanos, long steps, long conflicts,
    long unavailableCalls) {

  public record GrantResult(int index, String grant, GrantScenario scenario, String endEvent,
      GrantPort.LedgerCheck ledger, List<String> incidents, String failure) {

    /** What is wrong with this grant's end, empty when it ended as its scenario says. */
    public List<String> problems() {
      List<String> problems = new ArrayList<>();
      String who = grant + " (" + scenario + ")";
      if (failure != null) {
        problems.add(who + " failed: " + failure);
      }
      if (!scenario.expectedEnd().equals(endEvent)) {
        problems.add(who + " ended at " + endEvent + ", expected " + scenario.expectedEnd());
      }
      if (!incidents.isEmpty()) {
        problems.add(who + " has incidents: " + incidents);
      }
      if (scenario.expectedPaid() == null) {
        if (ledger != null) {
          problems.add(who + " has a ledger account although it was declined");
        }
        return problems;
      }
      if (ledger == null) {
        problems.add(who + " has no ledger account");
        return problems;
      }
      if (!ledger.balanced()) {
        problems.add(who + " ledger does not balance: " + ledger.imbalances());
      }
      if (!ledger.closed() && endEvent != null) {
        problems.add(who + " ledger account is not closed");
      }
      if (ledger.paid().compareTo(scenario.expectedPaid()) != 0) {
        problems.add(who + " paid " + ledger.paid() + ", expected " + scenario.expectedPaid());
      }
      if (ledger.recovered().compareTo(scenario.expectedRecovered()) != 0) {
        problems.add(who + " recovered " + ledger.recovered() + ", expected " + scenario.expectedRecovered());
      }
      return problems;
    }
  }

  /** Everything not as expected, one line per problem; empty for a good run. */
  public List<String> problems() {
    return grants.stream().flatMap(g -> g.problems().stream()).toList();
  }

  public Map<GrantScenario, Long> scenarios() {
    return grants.stream().collect(Collectors.groupingBy(GrantResult::scenario, TreeMap::new, Collectors.counting()));
  }

  public Map<String, Long> ends() {
    return grants.stream().collect(Collectors.groupingBy(g -> String.valueOf(g.endEvent()), TreeMap::new,
        Collectors.counting()));
  }

  public long grantsEndedAsExpected() {
    return grants.stream().filter(g -> g.problems().isEmpty()).count();
  }

  public double elapsedSeconds() {
    return elapsedNanos / 1e9;
  }

  static <K> Map<K, Long> count(List<GrantResult> results, Function<GrantResult, K> key) {
    return results.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
