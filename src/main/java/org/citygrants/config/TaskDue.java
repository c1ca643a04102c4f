package org.citygrants.config;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, from the configured durations, so Tasklist can sort and flag overdue
 * work: {@code camunda:dueDate="${taskDue.standard()}"}. Uses the engine clock, which tests move.
 */
@Component("taskDue")
public class TaskDue {

  private final GrantDurations durations;

  public TaskDue(GrantDurations durations) {
    this.durations = durations;
  }

  public Date standard() {
    return after(durations.getTaskDue());
  }

  public Date payment() {
    return after(durations.getPaymentDue());
  }

  public Date after(String isoDuration) {
    return IsoDurations.plus(ClockUtil.getCurrentTime(), isoDuration);
  }
}
