package org.citygrants.committee;

import org.citygrants.language.Words;
import static org.citygrants.process.CityGrantProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.process.InputRejectedException;
import org.springframework.stereotype.Component;

/** "Not yet, ask me again on ...": the date the coach is asked again whether to convene. */
@Component
public class PostponeConveningDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String text = NEXT_CONVENING_CHECK.get(execution);
    if (text == null || text.isBlank()) {
      throw new InputRejectedException(NEXT_CONVENING_CHECK.name(), Words.say("refused.convening.whenMissing"));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InputRejectedException(NEXT_CONVENING_CHECK.name(), Words.say("refused.date.notADate", text));
    }
    Date at = Date.from(day.atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
    if (!at.after(ClockUtil.getCurrentTime())) {
      throw new InputRejectedException(NEXT_CONVENING_CHECK.name(), Words.say("refused.convening.notInFuture"));
    }
    NEXT_CONVENING_CHECK_DATE.set(execution, at);
  }
}
