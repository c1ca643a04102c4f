package org.citygrants.ledger;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.citygrants.language.Languages;
import org.citygrants.language.Words;

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
  /** The refusal's text key and its parts (worded in the reader's language), or null: English only. */
  private final String key;
  private final Object[] args;

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
    this.key = null;
    this.args = null;
  }

  /**
   * A refusal worded from the bundle {@code i18n/refusals} (its English text is the message).
   *
   * @param person the user id of the person the message names as its argument {@code {0}}, or null
   * @param args the rest of the arguments, {1} on when a person is named, else {0} on; a {@link Said} part
   *     is worded in the reader's language
   */
  protected LedgerException(String code, String person, String key, Object... args) {
    super(Words.say(Languages.FALLBACK, key, arguments(person, args, Languages.FALLBACK)));
    this.code = code;
    this.person = person;
    this.sayingWho = null;
    this.key = key;
    this.args = args.clone();
  }

  private static Object[] arguments(String who, Object[] args, Locale language) {
    Object[] worded = Said.in(args, language);
    if (who == null) {
      return worded;
    }
    Object[] withWho = new Object[worded.length + 1];
    withWho[0] = who;
    System.arraycopy(worded, 0, withWho, 1, worded.length);
    return withWho;
  }

  public String code() {
    return code;
  }

  /** The refusal's text key in the bundle {@code i18n/refusals}, or null for one worded in English only. */
  public String key() {
    return key;
  }

  /** The message with the person it names called by {@code nameOf(userId)} (their name rather than their id). */
  public String messageNaming(UnaryOperator<String> nameOf) {
    return messageIn(Languages.FALLBACK, nameOf);
  }

  /**
   * The message in a reader's language (English for a refusal not worded in the bundles yet), with
   * the person it names called by {@code nameOf(userId)}.
   */
  public String messageIn(Locale language, UnaryOperator<String> nameOf) {
    if (key != null) {
      return Words.say(language, key, arguments(person == null ? null : nameOf.apply(person), args, language));
    }
    return person == null ? getMessage() : sayingWho.apply(nameOf.apply(person));
  }
}
