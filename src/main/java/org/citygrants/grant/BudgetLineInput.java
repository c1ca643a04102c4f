package org.citygrants.grant;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.citygrants.language.Words;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.LedgerException;
import org.citygrants.process.InputRejectedException;

/** A budget line as a person wrote it (a change's or a spending's): its code, or a refusal naming the field. */
public final class BudgetLineInput {

  private BudgetLineInput() {}

  /**
   * @throws InputRejectedException naming {@code field} when the code is missing or not a line
   */
  public static BudgetLine parse(String code, String field, Locale language) {
    try {
      if (code == null || code.isBlank()) {
        throw new LedgerException("no line");
      }
      return BudgetLine.fromCode(code.strip());
    } catch (LedgerException e) {
      throw new InputRejectedException(field, Words.say(language, "change.lineUnknown", code == null ? "" : code,
          Arrays.stream(BudgetLine.values()).map(BudgetLine::code).collect(Collectors.joining(", "))));
    }
  }
}
