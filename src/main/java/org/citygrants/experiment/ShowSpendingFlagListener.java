package org.citygrants.experiment;

import org.citygrants.process.CityGrantProcess;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.Languages;
import org.citygrants.ledger.Commitment;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.SpendingReport;
import org.springframework.stereotype.Component;

/**
 * Shows the coach, as the decision on an experiment report opens ({@code create} of
 * Task_DecideExperimentOutcome), whether the city reported more than was committed to the
 * experiment: {@code spendingFlag} = "reported 9,000.00 EUR, 3,000.00 above the 6,000.00
 * committed", from the ledger's commitment (never the plan's variable) and the city's report;
 * empty within the budget. Written in each language ({@code spendingFlag_fr}: "déclaré 9 000,00 EUR,
 * soit 3 000,00 de plus que les 6 000,00 engagés"), so a French coach reads it in French. Set again each time the task is created, so a corrected report shows
 * its own flag.
 */
@Component
public class ShowSpendingFlagListener implements TaskListener {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final Languages languages;

  public ShowSpendingFlagListener(LedgerService ledger, GrantRegister register, Languages languages) {
    this.ledger = ledger;
    this.register = register;
    this.languages = languages;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Long spent = EXPERIMENT_SPENT.get(execution);
    Long number = EXPERIMENT_NUMBER.get(execution);
    Optional<BigDecimal> committed = spent == null || number == null ? Optional.empty()
        : ledger.commitment(ExperimentCommitments.key(register.of(execution).grantReference(), number)).map(Commitment::amount);
    if (committed.isEmpty()) {
      CityGrantProcess.SPENDING_FLAG.clear(execution, languages.supported());
      return;
    }
    CityGrantProcess.SPENDING_FLAG.set(execution, languages.supported(),
        language -> SpendingReport.flag(committed.get(), BigDecimal.valueOf(spent), ledger.currency(), language));
  }
}
