package org.citygrants.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.citygrants.language.Words;
import org.citygrants.notification.NotificationRecipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Reminders before a deadline, not only after it ({@link OverdueTaskDigest} is for after): the
 * people of an open task due within {@code grant.notifications.remind-before} (three days by
 * default) get one mail saying what is due, when, and where to do it. Once per task and due date:
 * the notice {@code due-soon:<task>:<due day>:<user>} is recorded before it is sent, so a second run
 * or a second node sends nothing, and a task whose due date moves is reminded again before the new
 * one. A task created already that close to its due date gets no reminder: its creation mail gave
 * the date. Runs daily on {@code grant.notifications.reminder-cron}, only when e-mail is on.
 */
@Component
public class DueDateReminders {

  private static final Logger LOG = LoggerFactory.getLogger(DueDateReminders.class);

  private final NotificationMail mail;
  private final NotificationService notifications;
  private final NotificationOutbox outbox;
  private final NotificationRecipients recipients;
  private final NotificationProperties properties;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  public DueDateReminders(NotificationMail mail, NotificationService notifications, NotificationOutbox outbox,
      NotificationRecipients recipients, NotificationProperties properties, TaskService taskService,
      RuntimeService runtimeService) {
    this.mail = mail;
    this.notifications = notifications;
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @Scheduled(cron = "${grant.notifications.reminder-cron:0 30 7 * * *}")
  public void sendScheduled() {
    if (!mail.isEnabled()) {
      return;
    }
    try {
      int sent = send(ClockUtil.getCurrentTime().toInstant());
      LOG.info("Due-date reminders: {} mail(s) sent", sent);
    } catch (RuntimeException e) {
      LOG.error("Due-date reminders failed", e);
    }
  }

  /**
   * Reminds the people of every open task due after {@code now} and no later than {@code now} plus
   * the lead time, unless they were reminded of that task and due date already; returns how many
   * reminders this call sent.
   */
  public int send(Instant now) {
    if (!mail.isEnabled()) {
      return 0;
    }
    Instant horizon = now.plus(properties.remindBefore());
    List<Task> dueSoon = taskService.createTaskQuery().active().dueAfter(Date.from(now)).dueBefore(Date.from(horizon))
        .orderByDueDate().asc().list();
    LocalDate today = LocalDate.ofInstant(now, ZoneId.systemDefault());
    Map<String, Grant> grants = new HashMap<>();
    int sent = 0;
    for (Task task : dueSoon) {
      Instant due = task.getDueDate().toInstant();
      if (task.getCreateTime() != null && task.getCreateTime().toInstant().isAfter(due.minus(properties.remindBefore()))) {
        continue; // the mail about the new task gave a date this close already
      }
      List<Recipient> people = task.getAssignee() != null
          ? recipients.user(task.getAssignee(), NotificationRecipients.ASSIGNEE).stream().toList()
          : recipients.candidates(taskService.getIdentityLinksForTask(task.getId()));
      Grant grant = grant(task, grants);
      LocalDate dueDay = Texts.day(task.getDueDate());
      for (Recipient person : people) {
        String key = "due-soon:" + task.getId() + ":" + dueDay + ":" + person.userId();
        try {
          if (notifications.record(key, person.userId(), person.email(), subject(person, task, grant, dueDay, today),
              body(person, task, grant, dueDay, today), grant.reference()) && outbox.deliver(key)) {
            sent++;
          }
        } catch (DuplicateKeyException e) {
          LOG.debug("Reminder {} is being sent by another node", key);
        } catch (RuntimeException e) {
          LOG.warn("Reminder {} not recorded: {}", key, e.toString());
        }
      }
    }
    return sent;
  }

  /** The grant a task belongs to (business key of its instance, shared by called payments) and its city. */
  private record Grant(String reference, String cityName) {}

  private Grant grant(Task task, Map<String, Grant> grants) {
    if (task.getProcessInstanceId() == null) {
      return new Grant(null, null);
    }
    return grants.computeIfAbsent(task.getProcessInstanceId(), id -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      String reference = instance == null ? null : instance.getBusinessKey();
      Object city = runtimeService.getVariable(id, "cityName");
      return new Grant(StringUtils.hasText(reference) ? reference : null,
          city instanceof String name && !name.isBlank() ? name : null);
    });
  }

  private static String when(LocalDate dueDay, LocalDate today, Locale language) {
    long days = ChronoUnit.DAYS.between(today, dueDay);
    return days <= 0 ? Words.say(language, "mail.reminder.today")
        : days == 1 ? Words.say(language, "mail.reminder.tomorrow") : Words.say(language, "mail.reminder.inDays", days);
  }

  private static String subject(Recipient person, Task task, Grant grant, LocalDate dueDay, LocalDate today) {
    return (grant.reference() == null ? "" : "[" + grant.reference() + "] ")
        + person.say("mail.reminder.subject", when(dueDay, today, person.language()), name(task, person));
  }

  private static String name(Task task, Recipient person) {
    return TaskNotifications.taskName(task.getTaskDefinitionKey(), task.getName(), person.language());
  }

  private String body(Recipient person, Task task, Grant grant, LocalDate dueDay, LocalDate today) {
    Locale language = person.language();
    StringBuilder text = new StringBuilder(person.greeting()).append("\n\n")
        .append(person.say("mail.reminder.intro", name(task, person), when(dueDay, today, language),
            Texts.longDay(dueDay, language)));
    if (grant.reference() != null) {
      text.append('\n').append(grant.cityName() == null ? person.say("mail.reminder.partOfGrant", grant.reference())
          : person.say("mail.reminder.partOfCityGrant", grant.cityName(), grant.reference()));
    }
    text.append("\n\n").append(person.say(task.getAssignee() != null ? "mail.reminder.assigned" : "mail.reminder.claim"))
        .append("\n\n").append(person.say("mail.reminder.open")).append('\n')
        .append(properties.taskUrl(task.getId())).append('\n');
    if (grant.reference() != null) {
      text.append('\n').append(person.say("mail.reminder.grantPage")).append('\n')
          .append(properties.grantPageUrl(grant.reference())).append('\n');
    }
    return text.toString();
  }
}
