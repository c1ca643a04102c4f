package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.citygrants.identity.CityDirectory;
import org.citygrants.notification.NotificationProperties;
import org.citygrants.notification.NotificationService;
import org.springframework.stereotype.Component;

/** Tells the city team that its application was declined, why, and where its grant's page is. */
@Component
public class NotifyApplicationDeclinedDelegate implements JavaDelegate {

  private final GrantRegister register;
  private final CityDirectory cities;
  private final NotificationService notifications;
  private final NotificationProperties links;

  public NotifyApplicationDeclinedDelegate(CityDirectory cities, NotificationService notifications, GrantRegister register,
      NotificationProperties links) {
    this.register = register;
    this.links = links;
    this.cities = cities;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrantRegister.GrantRecord grant = register.of(execution);
    String reference = grant.grantReference();
    for (User member : cities.members(CityDirectory.cityGroup(grant.cityCode()))) {
      Locale language = notifications.languageOf(member.getId());
      notifications.notify(reference + ":declined:" + member.getId(), member.getId(),
          AwardTexts.declinedSubject(reference, language), AwardTexts.declinedBody(reference, grant.cityName(),
              DECLINE_REASON.get(execution), links.grantPageUrl(reference), language), reference);
    }
  }
}
