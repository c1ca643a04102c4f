package org.citygrants.cohort;

import static org.citygrants.process.ProgrammeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The wins shown at a peer exchange were celebrated there; the next session shows only new ones. */
@Component
public class MarkWinsCelebratedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    WINS_TO_CELEBRATE.set(execution.getProcessInstance(), "");
  }
}
