package org.citygrants.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import org.citygrants.language.Words;

/**
 * How the ledger's refusals name its things for the people who read them (a finance officer, an
 * officer, a coach): "the advance", "tranche 2", "the budget of experiment 1", never a key such as
 * {@code LYON-2026:tranche-2}; amounts with thousands and the currency, 40,000.00 EUR.
 */
final class InWords {

  private InWords() {}

  /** {@code LYON-2026:advance} as "the advance", {@code ...:tranche-2} as "tranche 2", {@code ...:final-balance} as "the final balance". */
  static String payment(String paymentKey) {
    String milestone = name(paymentKey);
    if (milestone.matches("tranche-\\d+")) {
      return "tranche " + milestone.substring("tranche-".length());
    }
    return "the " + spaced(milestone);
  }

  /** A payment's name in a language: "the advance", "l’avance", "tranche 2", "la tranche 2"; another by its name. */
  static String payment(String paymentKey, Locale language) {
    String milestone = name(paymentKey);
    if (milestone.matches("tranche-\\d+")) {
      return Words.say(language, "ledger.payment.tranche", milestone.substring("tranche-".length()));
    }
    if (Words.has("ledger.payment." + milestone)) {
      return Words.say(language, "ledger.payment." + milestone);
    }
    return Words.say(language, "ledger.payment.other", spaced(milestone));
  }

  /** A commitment's name in a language: "the budget of experiment 1", "le budget de l’expérimentation 1". */
  static String commitment(String commitmentKey, Locale language) {
    String name = name(commitmentKey);
    return name.matches("experiment-\\d+")
        ? Words.say(language, "ledger.commitment.experiment", name.substring("experiment-".length()))
        : Words.say(language, "ledger.commitment.other", spaced(name));
  }

  /** {@code LYON-2026:experiment-1} as "the budget of experiment 1"; another commitment by its name. */
  static String commitment(String commitmentKey) {
    String name = name(commitmentKey);
    return name.matches("experiment-\\d+") ? "the budget of " + spaced(name) : "the commitment for " + spaced(name);
  }

  /** The spending reported against a commitment, or under an expenditure's own name ("the final report"). */
  static String spending(String key) {
    String name = name(key);
    return "the spending " + (name.matches("experiment-\\d+") ? "of " : "in the ") + spaced(name);
  }

  static String recovery() {
    return "the recovery of unspent money";
  }

  /** A budget line as people read it: "learning activities". */
  static String line(BudgetLine line) {
    return spaced(line.code());
  }

  /** REQUESTED as "requested, awaiting approval", DISBURSED as "paid out". */
  static String status(PaymentStatus status) {
    return switch (status) {
      case REQUESTED -> "requested, awaiting approval";
      case APPROVED -> "approved, awaiting disbursement";
      case DISBURSED -> "paid out";
      case REJECTED -> "rejected";
    };
  }

  static String kind(PaymentKind kind) {
    return spaced(kind.name().toLowerCase(Locale.ENGLISH).replace('_', '-'));
  }

  static String amount(BigDecimal amount, String currency) {
    return Money.readable(amount, currency);
  }

  /** The first letter in upper case, for a sentence that starts with one of the names above. */
  static String sentence(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The part of a key after its grant reference. */
  private static String name(String key) {
    if (key == null) {
      return "";
    }
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }

  private static String spaced(String name) {
    return name.replace('-', ' ').replace('_', ' ').strip();
  }
}
