package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.IsoDurations;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.LedgerService;
import org.citygrants.process.CurrentActor;
import org.citygrants.process.LedgerContexts;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * An approved experiment: commits its budget on the grant's capital (refused beyond what is
 * still available), and the learning activity planned with it on the learning activities line, and
 * schedules its mid-cycle check-in and its end.
 */
@Component
public class CommitExperimentBudgetDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final ExperimentLog experiments;
  private final CurrentActor actor;

  public CommitExperimentBudgetDelegate(LedgerService ledger, ExperimentLog experiments, CurrentActor actor, GrantRegister register) {
    this.register = register;
    this.ledger = ledger;
    this.experiments = experiments;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    long number = EXPERIMENT_NUMBER.getOrDefault(execution, 0L) + 1;
    BigDecimal budget = BigDecimal.valueOf(EXPERIMENT_BUDGET.require(execution));
    long weeks = EXPERIMENT_DURATION_WEEKS.require(execution);
    LedgerRefusals.asRefusalOf(EXPERIMENT_BUDGET.name(), "Ask the city to revise the plan.", () -> ledger.commit(reference,
        ExperimentCommitments.key(reference, number), budget, BudgetLine.EXPERIMENTS,
        LedgerContexts.of(execution, actor.userId(), "experiment " + number + " approved")));
    Long learning = LEARNING_ACTIVITY_BUDGET.get(execution);
    if (learning != null && learning > 0) {
      // the learning activity planned with it, from the learning activities line
      LedgerRefusals.asRefusalOf(LEARNING_ACTIVITY_BUDGET.name(), "Ask the city to revise the plan.", () -> ledger.commit(
          reference, reference + ":learning-" + number, BigDecimal.valueOf(learning), BudgetLine.LEARNING_ACTIVITIES,
          LedgerContexts.of(execution, actor.userId(), "learning activity with experiment " + number + ": "
              + LEARNING_ACTIVITY_PLAN.get(execution))));
    }
    // the next plan starts without it
    LEARNING_ACTIVITY_BUDGET.set(execution, null);
    LEARNING_ACTIVITY_PLAN.set(execution, null);
    Date now = ClockUtil.getCurrentTime();
    Date end = IsoDurations.plus(now, "P" + (weeks * 7) + "D");
    Date midpoint = IsoDurations.plus(now, "P" + Math.max(1, weeks * 7 / 2) + "D");
    EXPERIMENT_NUMBER.set(execution, number);
    EXPERIMENT_MIDPOINT_DATE.set(execution, midpoint);
    EXPERIMENT_END_DATE.set(execution, end);
    // the belief statement is a hypothesis of the canvas: "We believe that [the assumption tested]..."
    String belief = BELIEF_STATEMENT.require(execution);
    experiments.started(reference, (int) number, EXPERIMENT_TITLE.require(execution), EXPERIMENT_TYPE.require(execution),
        belief, belief, budget, now, end);
  }
}
