package org.citygrants.ledger;

/** No grant, commitment, payment or recovery has this key. */
public class UnknownLedgerKeyException extends LedgerException {

  public UnknownLedgerKeyException(String what, String key) {
    super("UNKNOWN_KEY", inWords(what, key));
  }

  private static String inWords(String what, String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    String grant = colon > 0 ? " of grant " + key.substring(0, colon) : "";
    return switch (what) {
      case "grant" -> "Grant " + key + " has no money in the ledger: it is unknown, or not awarded yet.";
      case "payment" -> "The ledger has no " + InWords.payment(key).replaceFirst("^the ", "") + grant + ": it was never requested.";
      case "commitment" -> "The ledger has no " + InWords.commitment(key).replaceFirst("^the ", "") + grant + ": it was never committed.";
      case "recovery" -> "The ledger has no recovery of unspent money" + grant + ": none was ordered.";
      default -> "The ledger has no " + what + " '" + key + "'.";
    };
  }
}
