package org.citygrants.grant;

import org.citygrants.language.Words;
import org.citygrants.access.GrantPolicy;
import org.citygrants.ledger.GrantAccount;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.UnknownLedgerKeyException;
import org.citygrants.process.CityGrantProcess;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.ProcessGateway;
import org.citygrants.process.ProcessGateway.TaskNotAvailableException;
import org.springframework.stereotype.Service;

/**
 * A programme officer stops a grant that is not feasible: open work is cancelled and the grant
 * goes to settlement. Only an officer may, with a reason, and only an awarded grant whose capital
 * is still open can be stopped. This is the only way a grant is stopped from outside its process:
 * nobody but an administrator edits process instances.
 */
@Service
public class EarlyStop {

  /** The longest reason an officer gives for stopping a grant (the engine stores text variables up to 4,000). */
  public static final int REASON_LENGTH = 2000;

  private final GrantPolicy policy;
  private final LedgerService ledger;
  private final ProcessGateway gateway;

  public EarlyStop(GrantPolicy policy, LedgerService ledger, ProcessGateway gateway) {
    this.policy = policy;
    this.ledger = ledger;
    this.gateway = gateway;
  }

  /**
   * @throws TaskNotAvailableException when the person is not a programme officer
   * @throws InputRejectedException when the reason is missing or too long, or the grant cannot be stopped
   */
  public void request(String userId, String grantReference, String reason) {
    if (!policy.stopsGrants(policy.person(userId))) {
      throw new TaskNotAvailableException(Words.say("refused.stop.onlyOfficers"));
    }
    if (reason == null || reason.isBlank()) {
      throw new InputRejectedException(CityGrantProcess.EARLY_STOP_REASON.name(), Words.say("refused.stop.reason"));
    }
    if (reason.length() > REASON_LENGTH) {
      throw new InputRejectedException(CityGrantProcess.EARLY_STOP_REASON.name(),
          Words.say("refused.stop.reasonTooLong", String.valueOf(REASON_LENGTH), String.valueOf(reason.length())));
    }
    if (!grantIsOpen(grantReference)) {
      throw new InputRejectedException("grantReference", Words.say("refused.stop.notOpen", grantReference));
    }
    gateway.stopGrant(userId, grantReference, reason);
  }

  private boolean grantIsOpen(String grantReference) {
    try {
      return ledger.statement(grantReference).status() == GrantAccount.Status.OPEN;
    } catch (UnknownLedgerKeyException e) {
      return false;
    }
  }
}
