package org.citygrants.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.ledger.LedgerException;

/**
 * A ledger refusal met while a person completes a task is that person's input refused: the task
 * stays open, nothing is booked, and they read the ledger's reason next to the field that caused it.
 * The ledger says it in words; a person it names (who rejected a payment, who already decided) is
 * called by their name, not their user id.
 */
public final class LedgerRefusals {

  private LedgerRefusals() {}

  /** Runs a ledger call; its refusal becomes a refusal of {@code field}. */
  public static <T> T asRefusalOf(String field, Supplier<T> ledgerCall) {
    return asRefusalOf(field, "", ledgerCall);
  }

  /** The same, with advice on what to do added to the ledger's reason. */
  public static <T> T asRefusalOf(String field, String advice, Supplier<T> ledgerCall) {
    try {
      return ledgerCall.get();
    } catch (LedgerException refused) {
      String reason = inWords(refused);
      throw new InputRejectedException(field, advice.isEmpty() ? reason : reason + " " + advice);
    }
  }

  /**
   * The ledger's reason in the language of the person it is for (the reader of the current request,
   * English outside one), with the people it names called by their names (first and last name, as
   * in Tasklist).
   */
  public static String inWords(LedgerException refused) {
    return refused.messageIn(ReaderLanguage.current(), LedgerRefusals::nameOf);
  }

  /** A user's name from the engine's identity service, inside the running command; their id if they have none. */
  static String nameOf(String userId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || userId == null) {
      return userId;
    }
    User user = command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getIdentityService()
        .createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
