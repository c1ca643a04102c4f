package org.citygrants.grant;

import static org.citygrants.process.CityGrantProcess.*;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.citygrants.grant.AwardTerms.Terms;
import org.citygrants.identity.CityDirectory;
import org.citygrants.notification.NotificationProperties;
import org.citygrants.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Writes the award terms in words for the city's acceptance form and mails them to the city
 * team. Sent again after the officer re-sizes the grant: each sending is a notice of its own.
 */
@Component
public class SendAwardTermsDelegate implements JavaDelegate {

  private final AwardTerms awardTerms;
  private final GrantRegister register;
  private final CityDirectory cities;
  private final NotificationService notifications;
  private final NotificationProperties links;
  private final CityLanguage cityLanguage;

  public SendAwardTermsDelegate(AwardTerms awardTerms, GrantRegister register, CityDirectory cities,
      NotificationService notifications, NotificationProperties links, CityLanguage cityLanguage) {
    this.cityLanguage = cityLanguage;
    this.awardTerms = awardTerms;
    this.register = register;
    this.cities = cities;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Terms terms = awardTerms.of(execution);
    // the terms on the city's acceptance form, in the city team's language
    AWARD_TERMS.set(execution, AwardTexts.termsMarkdown(terms, cityLanguage.of(register.of(execution).cityCode())));
    RESIZE_AWARD.set(execution, false);
    long sending = AWARD_TERMS_SENT.getOrDefault(execution, 0L) + 1;
    AWARD_TERMS_SENT.set(execution, sending);
    String reference = terms.grantReference();
    for (User member : cities.members(CityDirectory.cityGroup(register.of(execution).cityCode()))) {
      Locale language = notifications.languageOf(member.getId());
      notifications.notify(reference + ":awarded:" + sending + ":" + member.getId(), member.getId(),
          AwardTexts.awardedSubject(reference, language),
          AwardTexts.awardedBody(terms, links.tasklistUrl(), links.grantPageUrl(reference), language), reference);
    }
  }
}
