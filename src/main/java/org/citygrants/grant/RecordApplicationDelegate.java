package org.citygrants.grant;

import org.citygrants.language.ReaderLanguage;
import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.language.FormTexts;
import org.citygrants.language.Languages;
import org.citygrants.ledger.LedgerProperties;
import org.citygrants.process.InputRejectedException;
import org.citygrants.validation.FormInputValidator;
import org.springframework.stereotype.Component;

/**
 * Records the application's objective in the register (and in words, as the application form
 * shows it, for Tasklist's columns) and checks the amount the city asks for.
 */
@Component
public class RecordApplicationDelegate implements JavaDelegate {

  /** The form the city applies with: it says how each objective is shown. */
  static final String APPLICATION_FORM = "grant-application";

  private final GrantRegister register;
  private final LedgerProperties money;
  private final FormInputValidator forms;
  private final FormTexts formTexts;
  private final Languages languages;

  public RecordApplicationDelegate(GrantRegister register, LedgerProperties money, FormInputValidator forms,
      FormTexts formTexts, Languages languages) {
    this.register = register;
    this.money = money;
    this.forms = forms;
    this.formTexts = formTexts;
    this.languages = languages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long requested = REQUESTED_AMOUNT.require(execution);
    BigDecimal amount = BigDecimal.valueOf(requested);
    if (amount.compareTo(money.minimumViableAmount()) < 0 || amount.compareTo(money.maximumAmount()) > 0) {
      throw new InputRejectedException(REQUESTED_AMOUNT.name(), Words.say("refused.application.amountBetween",
          Words.amount(money.minimumViableAmount(), money.currency(), ReaderLanguage.current()),
          Words.amount(money.maximumAmount(), money.currency(), ReaderLanguage.current())));
    }
    String objective = OBJECTIVE_TYPE.require(execution);
    register.recordObjective(register.of(execution).grantReference(), objective);
    // the application form's option, as each language's form shows it (Tasklist's "Objective" column)
    String english = forms.schema(APPLICATION_FORM).labelOf(OBJECTIVE_TYPE.name(), objective).orElse(objective);
    OBJECTIVE_LABEL.set(execution, languages.supported(),
        language -> formTexts.optionLabel(APPLICATION_FORM, OBJECTIVE_TYPE.name(), objective, language).orElse(english));
  }
}
