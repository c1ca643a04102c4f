package org.citygrants.grant.pause;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.citygrants.grant.GrantRegister;
import org.citygrants.language.Words;
import org.citygrants.notification.NotificationRecipients;
import org.citygrants.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pause that outlives its expected resume date reminds the officer who paused the grant: one
 * notice, once per pause (recorded in table notification, mailed when e-mail is on), saying since
 * when the grant is paused, why, and that it is to be resumed or paused on with a new date. Runs
 * daily with the due-date reminders ({@code grant.notifications.reminder-cron}).
 */
@Component
public class OverduePauseReminders {

  private static final Logger LOG = LoggerFactory.getLogger(OverduePauseReminders.class);

  private final PauseRegister pauses;
  private final GrantRegister register;
  private final NotificationService notifications;
  private final NotificationRecipients recipients;

  public OverduePauseReminders(PauseRegister pauses, GrantRegister register, NotificationService notifications,
      NotificationRecipients recipients) {
    this.pauses = pauses;
    this.register = register;
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Scheduled(cron = "${grant.notifications.reminder-cron:0 30 7 * * *}")
  public void sendScheduled() {
    try {
      int sent = send(ClockUtil.getCurrentTime().toInstant());
      LOG.info("Overdue pauses: {} reminder(s)", sent);
    } catch (RuntimeException e) {
      LOG.error("Overdue pause reminders failed", e);
    }
  }

  /** Reminds the officers of the pauses whose expected resume day is before {@code now}'s day; returns how many. */
  @Transactional
  public int send(Instant now) {
    LocalDate today = GrantPauses.day(now);
    int sent = 0;
    for (Pause pause : pauses.overdueUnreminded(today)) {
      if (!pauses.markReminded(pause.id(), now)) {
        continue; // another node or run reminded it
      }
      String officer = pause.pausedBy();
      Locale language = notifications.languageOf(officer);
      String city = register.find(pause.grantReference()).map(GrantRegister.GrantRecord::cityName)
          .orElse(pause.grantReference());
      String reason = Words.say(language, "pause.reason." + pause.reason())
          + (pause.note() == null ? "" : " (" + pause.note() + ")");
      String subject = "[" + pause.grantReference() + "] " + Words.say(language, "pause.mail.overdue.subject", city,
          Words.longDay(pause.expectedResume(), language));
      String greeting = recipients.user(officer, NotificationRecipients.ASSIGNEE)
          .map(NotificationRecipients.Recipient::greeting).orElse(Words.say(language, "mail.greeting", officer));
      String body = greeting + "\n\n" + Words.say(language, "pause.mail.overdue.body", city, pause.grantReference(),
          Words.longDay(GrantPauses.day(pause.pausedAt()), language), reason,
          Words.longDay(pause.expectedResume(), language));
      if (notifications.notify("pause-overdue:" + pause.id() + ":" + officer, officer, subject, body,
          pause.grantReference())) {
        sent++;
      }
    }
    return sent;
  }
}
