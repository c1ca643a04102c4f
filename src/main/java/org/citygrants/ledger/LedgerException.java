package org.citygrants.ledger;

import java.util.function.UnaryOperator;

/**
 * A refusal of the ledger: the call broke a rule, nothing was changed (the transaction rolls
 * back). The message says in words what was refused and why, naming things as people know them
 * ("tranche 2", "the budget of experiment 1", amounts with their currency), never a ledger key,
 * so it can be shown to the person whose input caused it; {@link #code()} names the rule in a
 * stable form for callers and tests.
 *
 * <p>A refusal that names a person (who rejected a payment, who already decided) holds their user
 * id; {@link #messageNaming} says it with their name, which only the caller can look up.
 */
public class LedgerException extends RuntimeException {

  private final String code;
  private final String person;
  private final UnaryOperator<String> sayingWho;

  public LedgerException(String message) {
    this("LEDGER_REFUSED", message);
  }

  protected LedgerException(String code, String message) {
    this(code, null, who -> message);
  }

  /**
   * @param person the user id of the person the message names
   * @param sayingWho the message, given how to call that person (their id, or their name)
   */
  protected LedgerException(String code, String person, UnaryOperator<String> sayingWho) {
    super(sayingWho.apply(person));
    this.code = code;
    this.person = person;
    this.sayingWho = sayingWho;
  }

  public String code() {
    return code;
  }

  /** The message with the person it names called by {@code nameOf(userId)} (their name rather than their id). */
  public String messageNaming(UnaryOperator<String> nameOf) {
    return person == null ? getMessage() : sayingWho.apply(nameOf.apply(person));
  }
}
