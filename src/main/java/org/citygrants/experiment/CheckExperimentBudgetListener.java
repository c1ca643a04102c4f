package org.citygrants.experiment;

import java.util.Locale;
import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.citygrants.grant.GrantRegister;
import org.citygrants.ledger.BudgetLine;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.citygrants.ledger.Money;
import org.citygrants.process.InputRejectedException;
import org.citygrants.process.LedgerRefusals;
import org.springframework.stereotype.Component;

/**
 * An experiment is planned within what its budget line has left: on {@code complete} of
 * Task_PlanExperiment the budget is refused above the capital the grant can still commit to
 * experiments, from the ledger (the same figure the form shows as available capital). The ledger
 * checks again when the coach approves and the budget is committed.
 */
@Component
public class CheckExperimentBudgetListener implements TaskListener {

  private final GrantRegister register;
  private final LedgerService ledger;

  public CheckExperimentBudgetListener(LedgerService ledger, GrantRegister register) {
    this.ledger = ledger;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    Long budget = EXPERIMENT_BUDGET.get(task.getExecution());
    if (budget == null) {
      return; // the form's own rules say whether it is required
    }
    String reference = register.of(task.getExecution()).grantReference();
    GrantStatement statement = LedgerRefusals.asRefusalOf(EXPERIMENT_BUDGET.name(), () -> ledger.statement(reference));
    checkLearningActivity(task, statement);
    BigDecimal available = ExperimentCapital.available(statement);
    if (BigDecimal.valueOf(budget).compareTo(available) > 0) {
      Locale language = ReaderLanguage.current();
      throw new InputRejectedException(EXPERIMENT_BUDGET.name(), Words.say(language, "refused.experiment.budgetAboveLine",
          Words.amount(available, statement.currency(), language), Words.amount(statement.awarded(), statement.currency(), language)));
    }
  }

  /**
   * A learning activity planned with the experiment: said in words when it has a budget, and within
   * what the learning activities line has left (the ledger checks again when it is committed).
   */
  private static void checkLearningActivity(DelegateTask task, GrantStatement statement) {
    Long learning = LEARNING_ACTIVITY_BUDGET.get(task.getExecution());
    if (learning == null || learning == 0) {
      return;
    }
    Locale language = ReaderLanguage.current();
    String plan = LEARNING_ACTIVITY_PLAN.get(task.getExecution());
    if (plan == null || plan.isBlank()) {
      throw new InputRejectedException(LEARNING_ACTIVITY_PLAN.name(), Words.say(language, "refused.experiment.learningPlan"));
    }
    BigDecimal left = statement.budgetLines().stream().filter(l -> l.line() == BudgetLine.LEARNING_ACTIVITIES)
        .map(GrantStatement.BudgetLineStatement::remaining).findFirst().orElse(BigDecimal.ZERO).min(statement.available());
    if (BigDecimal.valueOf(learning).compareTo(left) > 0) {
      throw new InputRejectedException(LEARNING_ACTIVITY_BUDGET.name(), Words.say(language,
          "refused.experiment.learningAboveLine", Words.amount(left, statement.currency(), language)));
    }
  }
}
