package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/**
 * Another cycle runs while the city wants one, the programme has not ended and capital remains.
 */
@Component
public class EvaluateNextCycleDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;

  public EvaluateNextCycleDelegate(LedgerService ledger, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean cityWantsMore = Boolean.TRUE.equals(PLAN_ANOTHER_EXPERIMENT.get(execution));
    Date end = PROGRAMME_END_DATE.get(execution);
    boolean programmeRunning = end == null || ClockUtil.getCurrentTime().before(end);
    BigDecimal available = ExperimentCapital.available(ledger.statement(register.of(execution).grantReference()));
    ANOTHER_EXPERIMENT.set(execution, cityWantsMore && programmeRunning && available.signum() > 0);
  }
}
