package org.citygrants.preparation;

import static org.citygrants.process.CityGrantProcess.*;

import java.text.SimpleDateFormat;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.citygrants.grant.GrantRegister;
import org.citygrants.notification.NotificationService;
import org.springframework.stereotype.Component;

/** Reminds the coach that a city's preparation time runs out soon (once per deadline). */
@Component
public class RemindCoachOfDeadlineDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final NotificationService notifications;

  public RemindCoachOfDeadlineDelegate(NotificationService notifications, GrantRegister register) {
    this.register = register;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    String coach = COACH.require(execution);
    Date due = PREPARATION_DUE_DATE.require(execution);
    String day = new SimpleDateFormat("yyyy-MM-dd").format(due);
    notifications.notify(reference + ":preparation-reminder:" + day, coach,
        "Preparation of " + register.of(execution).cityName() + " (" + reference + ") ends on " + day,
        "The preparation time ends on " + day + ". Check with the city what is missing (planning canvas, "
            + "authorisations, procurement) and whether an extension is needed.", reference);
  }
}
