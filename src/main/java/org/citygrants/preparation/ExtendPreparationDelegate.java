package org.citygrants.preparation;

import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.preparation.SchedulePreparationDelegate.PreparationDeadlines;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/** Moves the preparation deadline to the new date the officer and coach agreed. */
@Component
public class ExtendPreparationDelegate implements JavaDelegate {

  private final PreparationDeadlines deadlines;

  public ExtendPreparationDelegate(PreparationDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = NEW_PREPARATION_DUE_DATE.get(execution);
    if (text == null || text.isBlank()) {
      throw new InputRejectedException(NEW_PREPARATION_DUE_DATE.name(), Words.say("refused.preparation.newDateMissing"));
    }
    LocalDate newDate;
    try {
      newDate = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InputRejectedException(NEW_PREPARATION_DUE_DATE.name(), Words.say("refused.date.notADate", text));
    }
    Date due = Date.from(newDate.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    if (!due.after(ClockUtil.getCurrentTime()) || !due.after(PREPARATION_DUE_DATE.require(execution))) {
      throw new InputRejectedException(NEW_PREPARATION_DUE_DATE.name(), Words.say("refused.preparation.newDateTooEarly"));
    }
    deadlines.extendTo(execution, due);
    PREPARATION_EXTENSIONS.set(execution, PREPARATION_EXTENSIONS.getOrDefault(execution, 0L) + 1);
  }
}
