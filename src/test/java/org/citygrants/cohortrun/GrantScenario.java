package org.citygrants.cohortrun;

import static org.citygrants.process.CityGrantProcess.Elements.APPLICATION_DECLINED;
import static org.citygrants.process.CityGrantProcess.Elements.GRANT_CLOSED_AFTER_STOP;
import static org.citygrants.process.CityGrantProcess.Elements.GRANT_COMPLETED;
import static org.citygrants.process.CityGrantProcess.Elements.GRANT_STOPPED_EARLY;

import java.math.BigDecimal;
import java.util.List;

/**
 * The paths a grant of the cohort takes, with the end and the money each must reach. The mix
 * repeats every 20 grants, so any cohort of 20 or more has every path.
 */
public enum GrantScenario {
  /** Impact objective, one experiment, a win, a final balance paid: 12,000 + 20,000 + 3,000. */
  STRAIGHT(GRANT_COMPLETED, "35000.00", "0.00"),
  /** Learnings objective, a progress report during the experiment; spends a little less. */
  LEARNING_WITH_REPORT(GRANT_COMPLETED, "33000.00", "0.00"),
  /** Two experiments (pivot, then persevere); accepted spending below what was paid: a recovery. */
  PIVOT(GRANT_COMPLETED, "38000.00", "10000.00"),
  /** The officer sends the procurement plan back once. */
  PROCUREMENT_REWORK(GRANT_COMPLETED, "35000.00", "0.00"),
  /** The coach waits for a better date to convene; the committee asks for a revision once. */
  CONVENE_LATER_AND_REVISE(GRANT_COMPLETED, "35000.00", "0.00"),
  /** Preparation runs over its time; the officer extends it once. */
  EXTENSION(GRANT_COMPLETED, "35000.00", "0.00"),
  /** An officer stops the grant during its first experiment: the advance is recovered. */
  EARLY_STOP(GRANT_STOPPED_EARLY, "12000.00", "12000.00"),
  /** Preparation runs over its time and the officer stops the grant before any payment. */
  STOPPED_IN_PREPARATION(GRANT_CLOSED_AFTER_STOP, "0.00", "0.00"),
  /** The officer declines the application: no account is opened. */
  DECLINED(APPLICATION_DECLINED, null, null);

  /** Twenty grants; the first nine play each scenario once, so a cohort of ten covers them all. */
  private static final List<GrantScenario> MIX = List.of(
      STRAIGHT, LEARNING_WITH_REPORT, PIVOT, PROCUREMENT_REWORK, CONVENE_LATER_AND_REVISE,
      EXTENSION, EARLY_STOP, STOPPED_IN_PREPARATION, DECLINED, STRAIGHT,
      LEARNING_WITH_REPORT, PIVOT, PROCUREMENT_REWORK, STRAIGHT, CONVENE_LATER_AND_REVISE,
      STRAIGHT, EXTENSION, LEARNING_WITH_REPORT, STRAIGHT, PIVOT);

  private final String expectedEnd;
  private final BigDecimal expectedPaid;
  private final BigDecimal expectedRecovered;

  GrantScenario(String expectedEnd, String expectedPaid, String expectedRecovered) {
    this.expectedEnd = expectedEnd;
    this.expectedPaid = expectedPaid == null ? null : new BigDecimal(expectedPaid);
    this.expectedRecovered = expectedRecovered == null ? null : new BigDecimal(expectedRecovered);
  }

  /** The scenario of the i-th grant of a cohort (0-based). */
  public static GrantScenario forIndex(int index) {
    return MIX.get(index % MIX.size());
  }

  public String expectedEnd() {
    return expectedEnd;
  }

  /** What the ledger must show as paid at the end; null when no account is opened. */
  public BigDecimal expectedPaid() {
    return expectedPaid;
  }

  public BigDecimal expectedRecovered() {
    return expectedRecovered;
  }
}
