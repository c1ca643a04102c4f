package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.citygrants.identity.CityDirectory;
import org.citygrants.notification.NotificationService;
import org.springframework.stereotype.Component;

/** Tells the city team that its application was declined, and why. */
@Component
public class NotifyApplicationDeclinedDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CityDirectory cities;
  private final NotificationService notifications;

  public NotifyApplicationDeclinedDelegate(CityDirectory cities, NotificationService notifications, GrantRegister register) {
    this.register = register;
    this.cities = cities;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = register.of(execution).grantReference();
    for (User member : cities.members(CityDirectory.cityGroup(register.of(execution).cityCode()))) {
      notifications.notify(reference + ":declined:" + member.getId(), member.getId(),
          "Your application " + reference + " was not funded",
          "The programme officer declined the application. Reason: " + DECLINE_REASON.get(execution), reference);
    }
  }
}
