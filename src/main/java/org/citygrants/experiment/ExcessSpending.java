package org.citygrants.experiment;

import org.citygrants.process.ProcessVariable;

/**
 * The step of {@code city-grant} where a programme officer decides on spending reported above an
 * experiment's committed budget: its element ids and variables. (They belong beside
 * {@code process.CityGrantProcess}; kept here while that file is another team's.)
 */
public final class ExcessSpending {

  public static final String DECIDE_EXCESS_SPENDING = "Task_DecideExcessSpending";
  public static final String RECORD_EXCESS_SPENDING_DECISION = "Task_RecordExcessSpendingDecision";
  public static final String GATEWAY_SPENT_ABOVE_BUDGET = "Gateway_SpentAboveBudget";

  /** In words, for the coach and the officer: "reported 9,000.00 EUR, 3,000.00 above the 6,000.00 committed"; empty within the budget. */
  public static final ProcessVariable<String> SPENDING_FLAG = ProcessVariable.of("spendingFlag", String.class);
  /** Whether the accepted report left spending above the commitment for an officer to decide on. */
  public static final ProcessVariable<Boolean> SPENT_ABOVE_BUDGET = ProcessVariable.of("spentAboveBudget", Boolean.class);
  /** The officer's decision: {@code approve} or {@code refuse}. */
  public static final ProcessVariable<String> EXCESS_SPENDING_DECISION =
      ProcessVariable.of("excessSpendingDecision", String.class);
  /** Why, in the officer's words: recorded with the decision in the ledger. */
  public static final ProcessVariable<String> EXCESS_SPENDING_REASON =
      ProcessVariable.of("excessSpendingReason", String.class);

  private ExcessSpending() {}

  /** The ledger key of an experiment's commitment (and of the spending reported against it). */
  static String commitmentKey(String grantReference, long experimentNumber) {
    return grantReference + ":experiment-" + experimentNumber;
  }
}
