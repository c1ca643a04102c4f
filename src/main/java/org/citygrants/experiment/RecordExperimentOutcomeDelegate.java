package org.citygrants.experiment;

import org.citygrants.language.Words;
import org.citygrants.process.CityGrantProcess;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.cohort.SharedLearnings;
import org.citygrants.grant.GrantRegister;
import org.citygrants.grant.GrantRegister.GrantRecord;
import org.citygrants.language.Languages;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.SpendingReport;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * The coach accepted the city's report: its spending becomes accepted expenditure in the ledger up
 * to the experiment's committed budget (what is above waits for a programme officer: {@code
 * spentAboveBudget}, {@code spendingFlag}), the unspent part of its budget is released, and the decision (persevere, pivot, stop; a win or
 * not) joins the experiment log. When the city chose to share its learnings with the cohort (its
 * report's {@code shareLearnings}, a field only the city's form has), they join the shared
 * learnings with the experiment's title and type from the log and the grant's city from the
 * register; the choice is then cleared, so the next experiment's report starts unticked.
 */
@Component
public class RecordExperimentOutcomeDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final ExperimentLog experiments;
  private final CurrentActor actor;
  private final SharedLearnings sharedLearnings;
  private final Languages languages;

  public RecordExperimentOutcomeDelegate(LedgerService ledger, ExperimentLog experiments, CurrentActor actor, GrantRegister register,
      SharedLearnings sharedLearnings, Languages languages) {
    this.register = register;
    this.languages = languages;
    this.ledger = ledger;
    this.experiments = experiments;
    this.actor = actor;
    this.sharedLearnings = sharedLearnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    long number = EXPERIMENT_NUMBER.require(execution);
    String outcome = EXPERIMENT_OUTCOME.get(execution);
    if (outcome == null) {
      throw new InputRejectedException(EXPERIMENT_OUTCOME.name(), Words.say("refused.experiment.decideOutcome"));
    }
    boolean win = Boolean.TRUE.equals(WIN_FLAGGED.get(execution));
    String story = WIN_STORY.get(execution);
    if (win && (story == null || story.isBlank())) {
      throw new InputRejectedException(WIN_STORY.name(), Words.say("refused.experiment.winStory"));
    }
    BigDecimal spent = BigDecimal.valueOf(EXPERIMENT_SPENT.require(execution));
    String experimentKey = ExperimentCommitments.key(reference, number);
    // up to the committed budget the spending counts at once; above it, it waits for a programme
    // officer (the next step), and no tranche pays it before
    SpendingReport report = spent.signum() <= 0 ? null
        : LedgerRefusals.asRefusalOf(EXPERIMENT_SPENT.name(), () -> ledger.reportSpendingAgainst(experimentKey, spent,
            LedgerContexts.of(execution, actor.userId(), "experiment " + number + " report accepted")));
    boolean above = report != null && report.decision() == SpendingReport.ExcessDecision.AWAITING;
    CityGrantProcess.SPENT_ABOVE_BUDGET.set(execution, above);
    CityGrantProcess.SPENDING_FLAG.set(execution, languages.supported(), language -> report == null ? "" : report.flag(language));
    // the experiment is over: what it spent is now accepted expenditure, the rest of its budget
    // goes back to the capital the city can plan with
    LedgerRefusals.asRefusalOf(EXPERIMENT_SPENT.name(), () -> ledger.releaseCommitment(experimentKey,
        LedgerContexts.of(execution, actor.userId(), "experiment " + number + " closed")));
    java.util.Date decidedAt = ClockUtil.getCurrentTime();
    experiments.decided(reference, (int) number, spent, outcome, win, decidedAt);
    LAST_EXPERIMENT_OUTCOME.set(execution, outcome);
    if (Boolean.TRUE.equals(SHARE_LEARNINGS.get(execution))) {
      shareLearnings(register.of(execution), (int) number, outcome, decidedAt, execution);
      SHARE_LEARNINGS.set(execution, false);
    }
  }

  private void shareLearnings(GrantRecord grant, int number, String outcome, java.util.Date decidedAt,
      DelegateExecution execution) {
    String learnings = EXPERIMENT_LEARNINGS.get(execution);
    ExperimentLog.Experiment experiment = experiments.find(grant.grantReference(), number).orElse(null);
    if (learnings == null || learnings.isBlank() || experiment == null) {
      return;
    }
    sharedLearnings.share(grant.grantReference(), number, grant.cityName(), experiment.title(), experiment.type(),
        learnings, outcome, actor.userId(), decidedAt.toInstant());
  }
}
