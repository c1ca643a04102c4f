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

  /**
   * Due at a deadline of the grant's plan while it is ahead (preparation tasks are due at the
   * preparation deadline: {@code ${taskDue.until(preparationDueDate)}}), the standard time once it
   * has passed (preparation running late).
   */
  public Date until(Date deadline) {
    Date now = ClockUtil.getCurrentTime();
    return deadline != null && deadline.after(now) ? deadline : standard();
  }

  public Date payment() {
    return after(durations.getPaymentDue());
  }

  public Date after(String isoDuration) {
    return IsoDurations.plus(ClockUtil.getCurrentTime(), isoDuration);
  }
}
