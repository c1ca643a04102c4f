package org.citygrants.settlement;

import static org.citygrants.process.CityGrantProcess.*;
import static org.citygrants.process.PaymentProcess.RECOVERY_KEY;

import java.math.BigDecimal;
import java.util.Locale;
import org.citygrants.language.Words;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.citygrants.identity.CityDirectory;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Recovery;
import org.citygrants.ledger.Settlement;
import org.citygrants.notification.NotificationService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.springframework.stereotype.Component;

/** Orders the city to return the money it received but did not spend on accepted work. */
@Component
public class IssueRecoveryOrderDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final NotificationService notifications;
  private final CityDirectory cities;
  private final CurrentActor actor;

  public IssueRecoveryOrderDelegate(LedgerService ledger, NotificationService notifications, CityDirectory cities,
      CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
    this.notifications = notifications;
    this.cities = cities;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    String recoveryKey = Recovery.key(reference);
    // the amount to recover is the ledger's, computed again here: never a figure carried by a variable
    Settlement settlement = ledger.computeSettlement(reference);
    if (settlement.outcome() != Settlement.Outcome.RECOVERY) {
      throw new IllegalStateException("Grant " + reference + " has nothing to recover: " + settlement);
    }
    BigDecimal amount = settlement.amount();
    ledger.orderRecovery(reference, recoveryKey, amount, LedgerContexts.of(execution, actor.userId(), "unspent money to recover"));
    RECOVERY_KEY.set(execution, recoveryKey);
    for (User member : cities.members(CityDirectory.cityGroup(register.of(execution).cityCode()))) {
      Locale language = notifications.languageOf(member.getId());
      String currency = ledger.statement(reference).currency();
      String inWords = Words.amount(amount, currency, language);
      notifications.notify(recoveryKey + ":" + member.getId(), member.getId(),
          Words.say(language, "mail.recovery.subject", reference, inWords),
          Words.say(language, "mail.recovery.body", inWords, recoveryKey), reference);
    }
  }
}
