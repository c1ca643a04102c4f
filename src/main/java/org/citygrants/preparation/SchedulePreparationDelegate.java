package org.citygrants.preparation;

import static org.citygrants.process.CityGrantProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.config.GrantDurations;
import org.citygrants.config.IsoDurations;
import org.camunda.bpm.engine.TaskService;
import org.citygrants.process.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Sets the preparation deadline (sized per grant, counted from the city's acceptance of the award)
 * and the date the coach is reminded of it.
 */
@Component
public class SchedulePreparationDelegate implements JavaDelegate {

  private final PreparationDeadlines deadlines;

  public SchedulePreparationDelegate(PreparationDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // preparation time counts from the city's acceptance of the award, not from the coach's assignment
    Date start = AWARD_ACCEPTED_AT.getOrDefault(execution, ClockUtil.getCurrentTime());
    Date due = IsoDurations.plus(start, PREPARATION_TIME.getOrDefault(execution, deadlines.defaultPreparation()));
    deadlines.setDeadline(execution, due);
    PREPARATION_EXTENSIONS.set(execution, 0L);
    PREPARATION_LATE.set(execution, false);
  }

  /** The deadline and its reminder, kept together. */
  @Component
  public static class PreparationDeadlines {
    private final GrantDurations durations;

    public PreparationDeadlines(GrantDurations durations) {
      this.durations = durations;
    }

    String defaultPreparation() {
      return durations.getPreparation();
    }

    /**
     * Moves the deadline, and with it the due date of the grant's open tasks that were due at the
     * old one (the preparation tasks, {@code ${taskDue.until(preparationDueDate)}}), so the overdue
     * digest does not chase a city for a deadline that was extended.
     */
    void extendTo(DelegateExecution execution, Date due) {
      Date previous = PREPARATION_DUE_DATE.get(execution);
      setDeadline(execution, due);
      if (previous == null) {
        return;
      }
      TaskService tasks = execution.getProcessEngineServices().getTaskService();
      SystemAccess.run(execution.getProcessEngine().getProcessEngineConfiguration(), () ->
          tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueDate(previous).list()
              .forEach(task -> {
                task.setDueDate(due);
                tasks.saveTask(task);
              }));
    }

    void setDeadline(DelegateExecution execution, Date due) {
      Date now = ClockUtil.getCurrentTime();
      Date reminder = IsoDurations.minus(due, durations.getPreparationReminderBefore());
      PREPARATION_DUE_DATE.set(execution, due);
      PREPARATION_DEADLINE.set(execution, new java.text.SimpleDateFormat("yyyy-MM-dd").format(due));
      PREPARATION_REMINDER_DATE.set(execution, reminder.before(now) ? now : reminder);
    }
  }
}
