package org.citygrants.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import org.citygrants.language.Words;

/**
 * A part of a refusal that is said differently in each language: an amount (40,000.00 EUR,
 * 40 000,00 EUR), a payment or a commitment by its name ("tranche 2", "la tranche 2"). A refusal
 * keeps its text key and these parts, and is worded when someone reads it, in their language.
 */
@FunctionalInterface
interface Said {

  String in(Locale language);

  static Said amount(BigDecimal amount, String currency) {
    return language -> Words.amount(amount, currency, language);
  }

  /** {@code LYON-2026:advance} as "the advance", {@code ...:tranche-2} as "tranche 2", in the language. */
  static Said payment(String paymentKey) {
    return language -> InWords.payment(paymentKey, language);
  }

  /** The same, starting a sentence ("The advance", "L’avance"). */
  static Said paymentStartingASentence(String paymentKey) {
    return language -> InWords.sentence(InWords.payment(paymentKey, language));
  }

  /** {@code LYON-2026:experiment-1} as "the budget of experiment 1", starting a sentence. */
  static Said commitmentStartingASentence(String commitmentKey) {
    return language -> InWords.sentence(InWords.commitment(commitmentKey, language));
  }

  /** {@code LYON-2026:experiment-1} as "the budget of experiment 1", in the language. */
  static Said commitment(String commitmentKey) {
    return language -> InWords.commitment(commitmentKey, language);
  }

  static Said line(BudgetLine line) {
    return language -> Words.say(language, "ledger.line." + line.name());
  }

  /** The arguments of a message in a language: each {@link Said} worded, the rest as it is. */
  static Object[] in(Object[] args, Locale language) {
    Object[] worded = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      worded[i] = args[i] instanceof Said said ? said.in(language) : args[i];
    }
    return worded;
  }
}
