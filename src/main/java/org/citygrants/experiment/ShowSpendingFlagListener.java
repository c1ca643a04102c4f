package org.citygrants.experiment;

import org.citygrants.process.CityGrantProcess;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.Commitment;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.SpendingReport;
import org.springframework.stereotype.Component;

/**
 * Shows the coach, as the decision on an experiment report opens ({@code create} of
 * Task_DecideExperimentOutcome), whether the city reported more than was committed to the
 * experiment: {@code spendingFlag} = "reported 9,000.00 EUR, 3,000.00 above the 6,000.00
 * committed", from the ledger's commitment (never the plan's variable) and the city's report;
 * empty within the budget. Set again each time the task is created, so a corrected report shows
 * its own flag.
 */
@Component
public class ShowSpendingFlagListener implements TaskListener {

  private final GrantRegister register;
  private final LedgerService ledger;

  public ShowSpendingFlagListener(LedgerService ledger, GrantRegister register) {
    this.ledger = ledger;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Long spent = EXPERIMENT_SPENT.get(execution);
    Long number = EXPERIMENT_NUMBER.get(execution);
    String flag = "";
    if (spent != null && number != null) {
      String key = ExperimentCommitments.key(register.of(execution).grantReference(), number);
      flag = ledger.commitment(key).map(Commitment::amount)
          .map(committed -> SpendingReport.flag(committed, BigDecimal.valueOf(spent), ledger.currency()))
          .orElse("");
    }
    CityGrantProcess.SPENDING_FLAG.set(execution, flag);
  }
}
