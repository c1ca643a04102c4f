package org.citygrants.ledger;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The budget lines a grant's capital is split over; {@link #code()} is what the tables store. */
public enum BudgetLine {
  EXPERIMENTS("experiments"),
  LEARNING_ACTIVITIES("learning-activities"),
  COMMITTEE("committee"),
  COACHING("coaching");

  private final String code;

  BudgetLine(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Accepts the code ({@code learning-activities}) or the constant name ({@code LEARNING_ACTIVITIES}). */
  public static BudgetLine fromCode(String code) {
    for (BudgetLine line : values()) {
      if (line.code.equals(code) || line.name().equals(code)) {
        return line;
      }
    }
    throw new LedgerException("unknown budget line '" + code + "'; expected one of "
        + Arrays.stream(values()).map(BudgetLine::code).collect(Collectors.joining(", ")));
  }
}
