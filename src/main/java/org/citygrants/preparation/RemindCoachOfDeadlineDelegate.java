package org.citygrants.preparation;

import static org.citygrants.process.CityGrantProcess.*;

import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.citygrants.language.Words;
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
    Locale language = notifications.languageOf(coach);
    String when = Words.shortDay(LocalDate.parse(day), language);
    notifications.notify(reference + ":preparation-reminder:" + day, coach,
        Words.say(language, "mail.preparation.subject", register.of(execution).cityName(), reference, when),
        Words.say(language, "mail.preparation.body", when), reference);
  }
}
