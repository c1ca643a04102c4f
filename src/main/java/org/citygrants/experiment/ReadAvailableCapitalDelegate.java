package org.citygrants.experiment;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.AwardTexts;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.Languages;
import org.citygrants.ledger.GrantStatement;
import org.citygrants.ledger.LedgerService;
import org.springframework.stereotype.Component;

/**
 * Shows the city, as it plans an experiment, the capital it can still commit (from the ledger), the
 * grant's budget lines in its language (what each is for and what is left: {@code budgetLinesText})
 * and the hypotheses of its canvas to choose the one the experiment tests (not to retype it).
 */
@Component
public class ReadAvailableCapitalDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final LedgerService ledger;
  private final Languages languages;

  public ReadAvailableCapitalDelegate(LedgerService ledger, GrantRegister register, Languages languages) {
    this.register = register;
    this.ledger = ledger;
    this.languages = languages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrantStatement statement = ledger.statement(register.of(execution).grantReference());
    AVAILABLE_CAPITAL.set(execution, ExperimentCapital.available(statement).doubleValue());
    BUDGET_LINES_TEXT.set(execution, languages.supported(),
        language -> AwardTexts.budgetLinesMarkdown(statement.budgetLines(), statement.currency(), language));
    HYPOTHESIS_OPTIONS.set(execution, Hypotheses.options(HYPOTHESES.get(execution)));
  }
}
