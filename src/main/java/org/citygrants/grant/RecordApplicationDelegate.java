package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/** Records the application's objective in the register and checks the amount the city asks for. */
@Component
public class RecordApplicationDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerProperties money;

  public RecordApplicationDelegate(GrantRegister register, LedgerProperties money) {
    this.register = register;
    this.money = money;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long requested = REQUESTED_AMOUNT.require(execution);
    BigDecimal amount = BigDecimal.valueOf(requested);
    if (amount.compareTo(money.minimumViableAmount()) < 0 || amount.compareTo(money.maximumAmount()) > 0) {
      throw new InputRejectedException(REQUESTED_AMOUNT.name(), "The requested amount must be between "
          + money.minimumViableAmount().toPlainString() + " and " + money.maximumAmount().toPlainString() + " "
          + money.currency() + ".");
    }
    register.recordObjective(register.of(execution).grantReference(), OBJECTIVE_TYPE.require(execution));
  }
}
